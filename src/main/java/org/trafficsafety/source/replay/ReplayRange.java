package org.trafficsafety.source.replay;

import java.time.Instant;

/**
 * What to replay and how fast.
 *
 * @param from        first event time replayed (inclusive)
 * @param to          end of the range (exclusive)
 * @param speedFactor 1 = real time, 10 = ten times faster, 0 = as fast as possible
 */
public record ReplayRange(Instant from, Instant to, double speedFactor) {

    public ReplayRange {
        if (from == null || to == null || !to.isAfter(from)) {
            throw new IllegalArgumentException("replay range must end after it starts: " + from + " .. " + to);
        }
        if (!(speedFactor >= 0) || Double.isInfinite(speedFactor)) {
            throw new IllegalArgumentException("replay speed factor must be >= 0 (0 = as fast as possible), was "
                    + speedFactor);
        }
    }

    public boolean paced() {
        return speedFactor > 0;
    }
}
