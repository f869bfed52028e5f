/** A durable, ordered, checksummed on-disk queue of batches a sink could not accept yet, replayed after failures and restarts. */
package org.trafficsafety.pipeline.spool;
