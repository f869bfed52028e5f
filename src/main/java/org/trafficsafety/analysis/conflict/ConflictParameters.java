package org.trafficsafety.analysis.conflict;

import org.trafficsafety.analysis.track.TrackParameters;

/**
 * Every threshold and filter constant of conflict detection (design section 6), with units in the names.
 *
 * @param track                    the track filter's constants
 * @param defaultVehicleLengthM    vehicle length when the BSM has none, m
 * @param defaultVehicleWidthM     vehicle width when the BSM has none, m
 * @param vruRadiusM               radius of a VRU's disc, m
 * @param ttcStepMs                prediction step of the TTC search, ms
 * @param ttcEvaluationStepMs      TTC is evaluated at instants this far apart at which both users' tracks are
 *                                  known (interpolated, never extrapolated), ms
 * @param vehicleTtcThresholdS     vehicle–vehicle conflict when TTC is at most this, s
 * @param vehicleClosingSpeedMps   ... and the pair closes at least this fast, m/s
 * @param vruTtcThresholdS         vehicle–VRU conflict when TTC is at most this, s
 * @param vruClosingSpeedMps       ... and the pair closes at least this fast, m/s
 * @param ttcBodyMarginM           for TTC every body is shrunk by this much on each side: two smoothed tracks
 *                                  are each about 0.5 m off, so bodies that only graze may not touch at all, m
 * @param parallelMaxLateralOffsetM between vehicles on parallel headings (within 30 deg of the same or the
 *                                  opposite direction) TTC counts only within this lateral offset of their
 *                                  centres, i.e. in the same lane, m
 * @param carriagewayMarginM       a vehicle–VRU TTC counts only when the VRU's predicted position at the collision
 *                                  lies on the MapData's carriageway, lanes and box grown by this much: a VRU
 *                                  farther off is on a sidewalk, which the vehicle would have to leave the road to
 *                                  reach (no effect without MapData), m
 * @param maxVehicleUncertaintyM   a vehicle track whose smoothed position is less certain than this (a fresh
 *                                  one) takes part in no evaluation yet, m
 * @param maxVruUncertaintyM       the same for a VRU (PSMs come at 1 Hz, so their tracks settle less), m
 * @param persistenceMs            the TTC condition must hold at evaluations at least this far apart, ms
 * @param petMinPathAngleDeg       PET only between paths crossing at least this angle (undirected), degrees
 * @param vehiclePetThresholdS     vehicle–vehicle conflict when PET is at most this, s
 * @param vruPetThresholdS         vehicle–VRU conflict when PET is at most this, s
 * @param petMinSpeedMps           the user entering a spot must move at least this fast (a waiting car does not "enter")
 * @param petStepMs                the entering user's path between samples is examined at this step, ms
 * @param encounterMergeMs         flags of one pair at most this far apart belong to one encounter, ms
 * @param userRetentionMs          a user silent for longer is forgotten, ms
 */
public record ConflictParameters(
        TrackParameters track,
        double defaultVehicleLengthM,
        double defaultVehicleWidthM,
        double vruRadiusM,
        long ttcStepMs,
        long ttcEvaluationStepMs,
        double vehicleTtcThresholdS,
        double vehicleClosingSpeedMps,
        double vruTtcThresholdS,
        double vruClosingSpeedMps,
        double ttcBodyMarginM,
        double parallelMaxLateralOffsetM,
        double carriagewayMarginM,
        double maxVehicleUncertaintyM,
        double maxVruUncertaintyM,
        long persistenceMs,
        double petMinPathAngleDeg,
        double vehiclePetThresholdS,
        double vruPetThresholdS,
        double petMinSpeedMps,
        long petStepMs,
        long encounterMergeMs,
        long userRetentionMs) {

    public ConflictParameters {
        if (track == null) {
            throw new IllegalArgumentException("track parameters must not be null");
        }
        requirePositive("defaultVehicleLengthM", defaultVehicleLengthM);
        requirePositive("defaultVehicleWidthM", defaultVehicleWidthM);
        requirePositive("vruRadiusM", vruRadiusM);
        requirePositive("ttcStepMs", ttcStepMs);
        requirePositive("ttcEvaluationStepMs", ttcEvaluationStepMs);
        requirePositive("parallelMaxLateralOffsetM", parallelMaxLateralOffsetM);
        if (!(carriagewayMarginM >= 0)) {
            throw new IllegalArgumentException("carriagewayMarginM must be >= 0, was " + carriagewayMarginM);
        }
        if (!(ttcBodyMarginM >= 0 && ttcBodyMarginM < 1)) {
            throw new IllegalArgumentException("ttcBodyMarginM must be within 0..1 m, was " + ttcBodyMarginM);
        }
        requirePositive("maxVehicleUncertaintyM", maxVehicleUncertaintyM);
        requirePositive("maxVruUncertaintyM", maxVruUncertaintyM);
        requirePositive("vehicleTtcThresholdS", vehicleTtcThresholdS);
        requirePositive("vruTtcThresholdS", vruTtcThresholdS);
        requirePositive("vehiclePetThresholdS", vehiclePetThresholdS);
        requirePositive("vruPetThresholdS", vruPetThresholdS);
        requirePositive("petStepMs", petStepMs);
        requirePositive("encounterMergeMs", encounterMergeMs);
        requirePositive("userRetentionMs", userRetentionMs);
        if (!(vehicleClosingSpeedMps >= 0) || !(vruClosingSpeedMps >= 0) || !(petMinSpeedMps >= 0) || persistenceMs < 0) {
            throw new IllegalArgumentException("closing speeds, PET minimum speed and persistence must be >= 0");
        }
        if (!(petMinPathAngleDeg >= 0 && petMinPathAngleDeg <= 90)) {
            throw new IllegalArgumentException("petMinPathAngleDeg must be within 0..90 (paths are undirected), was "
                    + petMinPathAngleDeg);
        }
    }

    /**
     * The design's defaults: TTC 1.5 s / 3.0 s, closing 1 / 0.5 m/s, 0.5 s persistence, PET 1.0 s / 2.0 s at 30°,
     * 5 s merge, TTC evaluated every 100 ms; plus the noise guards measured against the simulator
     * (docs/methodology.md): a 1.2 m same-lane tolerance for parallel vehicles, tracks settled to 1.0 m (vehicles)
     * and 0.9 m (VRUs); a VRU within 1.0 m of the carriageway is on it. Bodies are not shrunk for TTC (margin 0): with dead-reckoned, fixed-lag smoothed tracks
     * the shrinking cost more true conflicts than it removed false ones.
     */
    public static ConflictParameters defaults() {
        return new ConflictParameters(TrackParameters.defaults(), 4.8, 1.9, 0.5, 100, 100,
                1.5, 1.0, 3.0, 0.5, 0.0, 1.2, 1.0, 1.0, 0.9, 500,
                30.0, 1.0, 2.0, 0.5, 100,
                5_000, 5_000);
    }

    /** TTC threshold for a pair, s. */
    double ttcThresholdS(boolean involvesVru) {
        return involvesVru ? vruTtcThresholdS : vehicleTtcThresholdS;
    }

    double closingSpeedMps(boolean involvesVru) {
        return involvesVru ? vruClosingSpeedMps : vehicleClosingSpeedMps;
    }

    double maxUncertaintyM(boolean vru) {
        return vru ? maxVruUncertaintyM : maxVehicleUncertaintyM;
    }

    double petThresholdS(boolean involvesVru) {
        return involvesVru ? vruPetThresholdS : vehiclePetThresholdS;
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
    }
}
