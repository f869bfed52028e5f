/** Parquet files of raw messages and processed rows, written and read through DuckDB, and their path layout. */
package org.trafficsafety.store.parquet;
