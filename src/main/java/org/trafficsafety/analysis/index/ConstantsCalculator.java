package org.trafficsafety.analysis.index;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import org.trafficsafety.analysis.MinuteFeatures;

/**
 * Computes normalization constants from per-minute feature history (design section 6): over the minutes in
 * {@code [asOf - 28 days, asOf)}, p99 of vru_event_count, vehicle_event_count, traffic_volume, speed_std and
 * hard_braking_count and p85 of avg_speed, each floored at 1 (speed_std_ref at 0.1). Percentiles interpolate
 * linearly between the closest ranks, as PostgreSQL's {@code percentile_cont} does, so the daily job may compute
 * them in SQL and get the same numbers.
 */
public final class ConstantsCalculator {

    public static final Duration DEFAULT_WINDOW = Duration.ofDays(28);
    /** One day of minutes: below this the shipped defaults stay in force. */
    public static final int DEFAULT_MIN_MINUTES = 1_440;
    /** Recomputed daily; valid two days so that one missed run does not leave a gap. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(2);

    private final Duration window;
    private final int minMinutes;
    private final Duration validity;
    private final IndexWeights weights;

    public ConstantsCalculator(Duration window, int minMinutes, Duration validity, IndexWeights weights) {
        if (window.isNegative() || window.isZero() || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("window (" + window + ") and validity (" + validity + ") must be > 0");
        }
        if (minMinutes < 1) {
            throw new IllegalArgumentException("minMinutes must be >= 1, was " + minMinutes);
        }
        this.window = window;
        this.minMinutes = minMinutes;
        this.validity = validity;
        this.weights = weights;
    }

    public ConstantsCalculator(IndexWeights weights) {
        this(DEFAULT_WINDOW, DEFAULT_MIN_MINUTES, DEFAULT_VALIDITY, weights);
    }

    /**
     * Constants (id 0: not stored yet) from the history rows inside the trailing window, or empty when fewer than
     * the minimum number of minutes fall inside it.
     */
    public Optional<NormalizationConstants> tryCompute(Collection<MinuteFeatures> history, Instant asOf) {
        long to = asOf.toEpochMilli();
        long from = asOf.minus(window).toEpochMilli();
        int n = 0;
        double[][] columns = new double[6][history.size()];
        for (MinuteFeatures f : history) {
            if (f.minuteStartMs() < from || f.minuteStartMs() >= to) {
                continue;
            }
            columns[0][n] = f.vruEventCount();
            columns[1][n] = f.vehicleEventCount();
            columns[2][n] = f.trafficVolume();
            columns[3][n] = f.avgSpeedMps();
            columns[4][n] = f.speedStdMps();
            columns[5][n] = f.hardBrakingCount();
            n++;
        }
        if (n < minMinutes) {
            return Optional.empty();
        }
        double floor = NormalizationConstants.REF_FLOOR;
        return Optional.of(new NormalizationConstants(0, asOf, asOf, asOf.plus(validity),
                Math.max(floor, percentile(columns[0], n, 0.99)),
                Math.max(floor, percentile(columns[1], n, 0.99)),
                Math.max(floor, percentile(columns[2], n, 0.99)),
                Math.max(floor, percentile(columns[3], n, 0.85)),
                Math.max(NormalizationConstants.SPEED_STD_REF_FLOOR_MPS, percentile(columns[4], n, 0.99)),
                Math.max(floor, percentile(columns[5], n, 0.99)),
                weights));
    }

    /** Linear interpolation between closest ranks over the first {@code n} values (sorts them in place). */
    static double percentile(double[] values, int n, double p) {
        Arrays.sort(values, 0, n);
        double position = p * (n - 1);
        int lower = (int) Math.floor(position);
        if (lower >= n - 1) {
            return values[n - 1];
        }
        double fraction = position - lower;
        return values[lower] + fraction * (values[lower + 1] - values[lower]);
    }
}
