package org.trafficsafety.pipeline.spool;

/**
 * How much a spool may hold before it refuses batches.
 *
 * @param maxBatches most batches held at once (default 10,000: a week of one-minute batches of one sink)
 * @param maxBytes   most payload bytes held at once (default 1 GiB)
 */
public record SpoolLimits(int maxBatches, long maxBytes) {

    public static final SpoolLimits DEFAULTS = new SpoolLimits(10_000, 1L << 30);

    public SpoolLimits {
        if (maxBatches < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("spool limits must be >= 1, were " + maxBatches + " batches, " + maxBytes + " bytes");
        }
    }
}
