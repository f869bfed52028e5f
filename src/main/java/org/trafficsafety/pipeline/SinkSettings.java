package org.trafficsafety.pipeline;

import java.time.Duration;

/**
 * How one sink is isolated from the others.
 *
 * @param queueCapacity   batches waiting in memory before new ones go straight to the spool (default 64)
 * @param initialBackoff  wait before the first retry after a failure (default 1 s); doubles per failure
 * @param maxBackoff      longest wait between retries (default 60 s)
 * @param shutdownTimeout how long close() lets the sink drain before spooling what is left (default 30 s)
 */
public record SinkSettings(int queueCapacity, Duration initialBackoff, Duration maxBackoff, Duration shutdownTimeout) {

    public static final SinkSettings DEFAULTS = new SinkSettings(64, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(30));

    public SinkSettings {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("sink queue capacity must be >= 1, was " + queueCapacity);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("sink backoff must satisfy 0 < initial <= max, was " + initialBackoff + " / " + maxBackoff);
        }
        if (shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("sink shutdown timeout must be >= 0, was " + shutdownTimeout);
        }
    }
}
