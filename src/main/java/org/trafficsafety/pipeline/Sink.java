package org.trafficsafety.pipeline;

/**
 * A destination for batches (a database table, a Parquet directory, a bucket). Implementations are called from
 * one thread only and must be idempotent: writing a batch again, after a failure or a replay, must leave the
 * same state as writing it once.
 *
 * @param <T> the batch type
 */
public interface Sink<T> {

    /** Short name for logs, metrics, the spool directory and /health, e.g. "postgres-indices". */
    String name();

    /**
     * Writes a batch completely or throws.
     *
     * @throws RejectedBatchException when the batch can never be written (invalid data): it is quarantined
     *                                instead of retried
     * @throws Exception              any other failure: the batch is spooled and retried
     */
    void write(T batch) throws Exception;
}
