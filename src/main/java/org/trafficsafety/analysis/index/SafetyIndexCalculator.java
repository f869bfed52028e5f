package org.trafficsafety.analysis.index;

import java.util.Optional;
import org.trafficsafety.analysis.MinuteFeatures;
import org.trafficsafety.analysis.SafetyIndexRow;

/**
 * The tsi-1 formulas of design section 6: normalized features {@code n(x, ref) = min(1, x / ref)}, weighted sums
 * scaled to 0–100, and Empirical-Bayes shrinkage {@code x_eb = w x + (1 - w) p} with {@code w = m / (m + k)},
 * {@code m = traffic_volume + vru_count}. Stateless; a handful of floating-point operations per minute.
 */
public final class SafetyIndexCalculator {

    public static final String FORMULA_VERSION = "tsi-1";
    /** The design's default EB k: the exposure (road users in the minute) at which a minute weighs as much as its prior. */
    public static final double DEFAULT_EB_K = 50.0;

    private static final long MS_PER_HOUR = 3_600_000L;
    private static final long MS_PER_DAY = 86_400_000L;
    /** 1970-01-01 was a Thursday, day 3 when Monday is 0. */
    private static final int EPOCH_DAY_OF_WEEK = 3;

    private final double ebK;

    public SafetyIndexCalculator(double ebK) {
        if (!(ebK > 0) || Double.isInfinite(ebK)) {
            throw new IllegalArgumentException("EB k must be finite and > 0, was " + ebK);
        }
        this.ebK = ebK;
    }

    /** The indices of one minute, shrunk toward {@code prior} (not shrunk when it is empty). */
    public SafetyIndexRow compute(MinuteFeatures f, NormalizationConstants c, Optional<EbPrior> prior) {
        IndexWeights w = c.weights();
        double nVolume = normalize(f.trafficVolume(), c.volumeRef());
        double nSpeedStd = normalize(f.speedStdMps(), c.speedStdRef());
        double vru = 100.0 * (w.vruEvents() * normalize(f.vruEventCount(), c.vruConflictRef())
                + w.vruVolume() * nVolume
                + w.vruSpeed() * normalize(f.avgSpeedMps(), c.speedRef())
                + w.vruSpeedStd() * nSpeedStd);
        double vehicle = 100.0 * (w.vehicleEvents() * normalize(f.vehicleEventCount(), c.vehicleConflictRef())
                + w.vehicleVolume() * nVolume
                + w.vehicleSpeedStd() * nSpeedStd
                + w.vehicleHardBraking() * normalize(f.hardBrakingCount(), c.hardBrakingRef()));
        double combined = w.combinedVru() * vru + w.combinedVehicle() * vehicle;

        double weight = ebWeight(f.trafficVolume() + f.vruCount());
        double vruEb = prior.map(p -> shrink(vru, p.vruIndex(), weight)).orElse(vru);
        double vehicleEb = prior.map(p -> shrink(vehicle, p.vehicleIndex(), weight)).orElse(vehicle);
        double combinedEb = prior.map(p -> shrink(combined, p.combinedIndex(), weight)).orElse(combined);

        long start = f.minuteStartMs();
        int hourOfDay = (int) Math.floorMod(start / MS_PER_HOUR, 24L);
        int dayOfWeek = (int) Math.floorMod(Math.floorDiv(start, MS_PER_DAY) + EPOCH_DAY_OF_WEEK, 7L);
        return new SafetyIndexRow(f, clamp(vru), clamp(vehicle), clamp(combined), clamp(vruEb), clamp(vehicleEb),
                clamp(combinedEb), hourOfDay, dayOfWeek, c.id(), FORMULA_VERSION);
    }

    /** {@code w = m / (m + k)}: 0 with no road users (all prior), toward 1 as exposure grows. */
    public double ebWeight(int roadUsers) {
        return roadUsers / (roadUsers + ebK);
    }

    /** {@code n(x, ref) = min(1, x / ref)}. */
    static double normalize(double x, double ref) {
        return Math.min(1.0, x / ref);
    }

    private static double shrink(double x, double prior, double weight) {
        return weight * x + (1.0 - weight) * prior;
    }

    /** Weights summing to 1 (to 1e-9) can overshoot 100 by an ulp or so; the row contract is 0..100 exactly. */
    private static double clamp(double index) {
        return Math.max(0.0, Math.min(100.0, index));
    }
}
