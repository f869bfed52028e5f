package org.trafficsafety.pipeline;

/**
 * A snapshot of one isolated sink, for /health and the collector status.
 *
 * @param healthy          false while the last write attempt failed or the spool is not empty
 * @param queued           batches waiting in memory
 * @param spooled          batches waiting in the durable spool
 * @param spoolBytes       bytes of those batches on disk
 * @param oldestSpooledAgeS age of the oldest spooled batch, s (0 when none)
 * @param written          batches written directly
 * @param replayed         batches written from the spool
 * @param refused          batches lost because the spool was full (each logged with the numbers)
 * @param quarantined      batches set aside as unwritable (see the spool's rejected/ folder)
 * @param lastSuccessAtMs  epoch ms of the last successful write, 0 if none
 * @param lastError        the last failure text, "" if none since the last success
 */
public record SinkStatus(
        String name,
        boolean healthy,
        int queued,
        int spooled,
        long spoolBytes,
        long oldestSpooledAgeS,
        long written,
        long replayed,
        long refused,
        long quarantined,
        long lastSuccessAtMs,
        String lastError) {
}
