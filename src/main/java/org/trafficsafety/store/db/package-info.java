/** PostgreSQL access: schema maintenance (partitions, retention) and the writers of index rows and conflicts. */
package org.trafficsafety.store.db;
