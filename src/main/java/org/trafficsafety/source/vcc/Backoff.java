package org.trafficsafety.source.vcc;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Jittered exponential delays: attempt n waits base * 2^n, capped, then scaled by a random 50..100 %. */
final class Backoff {

    private final long baseMs;
    private final long maxMs;
    private final RandomGenerator random;

    Backoff(Duration base, Duration max, RandomGenerator random) {
        this.baseMs = base.toMillis();
        this.maxMs = Math.max(max.toMillis(), baseMs);
        this.random = random;
    }

    /** The delay before retry number {@code attempt} (0 = first retry). */
    Duration delay(int attempt) {
        long ceiling = baseMs << Math.min(attempt, 30);
        if (ceiling <= 0 || ceiling > maxMs) {
            ceiling = maxMs;
        }
        double jitter;
        synchronized (random) {
            jitter = 0.5 + 0.5 * random.nextDouble();
        }
        return Duration.ofMillis(Math.max(1, Math.round(ceiling * jitter)));
    }
}
