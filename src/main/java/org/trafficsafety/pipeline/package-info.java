/** The collector: source → analysis → sinks (PostgreSQL, Parquet, archive bucket), each isolated behind its own queue and durable spool. */
package org.trafficsafety.pipeline;
