/** Replay of the raw Parquet archive (a local Parquet tree or the archive bucket) as a message source. */
package org.trafficsafety.source.replay;
