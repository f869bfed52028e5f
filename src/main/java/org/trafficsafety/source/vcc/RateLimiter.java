package org.trafficsafety.source.vcc;

import java.time.Duration;
import java.time.InstantSource;

/** Keeps at least {@code spacing} between the starts of two requests, across all threads of one client. */
final class RateLimiter {

    private final Duration spacing;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private long nextAllowedMs = Long.MIN_VALUE;

    RateLimiter(Duration spacing, InstantSource clock, Sleeper sleeper) {
        this.spacing = spacing;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Blocks until a request may start. Holding the lock while sleeping queues callers in order. */
    synchronized void acquire() throws InterruptedException {
        long now = clock.millis();
        if (nextAllowedMs != Long.MIN_VALUE && now < nextAllowedMs) {
            sleeper.sleep(Duration.ofMillis(nextAllowedMs - now));
            now = Math.max(clock.millis(), nextAllowedMs);
        }
        nextAllowedMs = now + spacing.toMillis();
    }
}
