package org.trafficsafety.analysis.feature;

/** What a vehicle's hard-braking detection remembers between messages. */
final class VehicleState {

    final long id;
    long lastSeenMs;
    private boolean braking;
    private long refTimeMs;
    private double refSpeedMps = Double.NaN;

    VehicleState(long id) {
        this.id = id;
    }

    /**
     * Takes one sample and says whether a hard-braking episode starts with it. The acceleration is accelSet.lon
     * when present, else the speed change since the reference sample when that lies within the derivation window.
     */
    boolean startsHardBraking(long timeMs, double speedMps, double accelLonMps2, FeatureSettings settings) {
        lastSeenMs = timeMs;
        double accel = accelLonMps2;
        if (speedMps >= 0 && speedMps != Double.POSITIVE_INFINITY) {
            long span = timeMs - refTimeMs;
            if (Double.isNaN(accel) && !Double.isNaN(refSpeedMps) && span >= settings.minDerivationWindowMs()
                    && span <= settings.maxDerivationWindowMs()) {
                accel = (speedMps - refSpeedMps) * 1000.0 / span;
            }
            if (Double.isNaN(refSpeedMps) || span >= settings.minDerivationWindowMs()) {
                refTimeMs = timeMs;
                refSpeedMps = speedMps;
            }
        }
        if (Double.isNaN(accel)) {
            return false;
        }
        boolean hard = accel <= settings.hardBrakingMps2();
        boolean starts = hard && !braking;
        braking = hard;
        return starts;
    }
}
