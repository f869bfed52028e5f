package org.trafficsafety.analysis.feature;

/**
 * Thresholds of the per-minute features.
 *
 * @param hardBrakingMps2       longitudinal acceleration at or below which a vehicle brakes hard (design: -3.0 m/s^2)
 * @param minDerivationWindowMs shortest span over which deceleration is derived from speeds when a BSM carries no
 *                              accelSet.lon (design: 0.5 s; shorter spans amplify speed noise)
 * @param maxDerivationWindowMs longest such span; over a longer gap the speed change is not one braking manoeuvre
 * @param vehicleRetentionMs    a vehicle silent this long is forgotten (a braking episode cannot span the gap)
 */
public record FeatureSettings(double hardBrakingMps2, long minDerivationWindowMs, long maxDerivationWindowMs,
        long vehicleRetentionMs) {

    public FeatureSettings {
        if (!(hardBrakingMps2 < 0)) {
            throw new IllegalArgumentException("hard braking threshold must be a negative acceleration, was " + hardBrakingMps2);
        }
        if (minDerivationWindowMs <= 0 || maxDerivationWindowMs < minDerivationWindowMs || vehicleRetentionMs <= 0) {
            throw new IllegalArgumentException("need 0 < min derivation window (" + minDerivationWindowMs
                    + " ms) <= max (" + maxDerivationWindowMs + " ms) and retention > 0 (" + vehicleRetentionMs + " ms)");
        }
    }

    public static FeatureSettings defaults() {
        return new FeatureSettings(-3.0, 500, 2_000, 30_000);
    }
}
