package org.trafficsafety.simulation;

import org.trafficsafety.analysis.RoadUserKind;
import org.trafficsafety.analysis.conflict.ConflictParameters;

/**
 * Two road users near each other (centres within {@value #NEAR_M} m, sampled each second) in a situation
 * in which they cannot collide and which the design says must give no conflict: vehicles on paths that never meet
 * (adjacent or opposing lanes), or a vehicle and a VRU on a sidewalk. The pair is in the canonical order of
 * {@link GroundTruthConflict}. Scoring counts detections within such a passing per situation.
 *
 * @param startMs first second at which the pair was near in this situation, epoch ms
 * @param endMs   last such second, epoch ms
 */
public record BenignPassing(int intersectionId, long firstId, RoadUserKind firstKind, long secondId, RoadUserKind secondKind,
                            Situation situation, long startMs, long endMs) {

    /** Pairs whose centres are this close are sampled, m. */
    public static final double NEAR_M = 10;
    /** Sampling period, ms. */
    public static final long SAMPLE_MS = 1000;
    /** The vehicle–VRU PET threshold of the design's defaults, ms. */
    static final long VRU_LOOKBACK_MS = Math.round(ConflictParameters.defaults().vruPetThresholdS() * 1000);

    /** Why the pair cannot collide. */
    public enum Situation {
        /** Two vehicles whose paths stay farther apart than two of the widest bodies side by side. */
        VEHICLES_IN_SEPARATE_LANES("vehicles in adjacent or opposing lanes"),
        /** A vehicle and a pedestrian on a sidewalk (not on a crosswalk) the whole time. */
        PEDESTRIAN_ON_SIDEWALK("pedestrian on a sidewalk"),
        /** A vehicle and a cyclist (or other VRU) on a sidewalk the whole time. */
        CYCLIST_ON_SIDEWALK("cyclist on a sidewalk");

        private final String label;

        Situation(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * Whether an encounter of the same pair from fromMs to toMs took place in this passing: for vehicles in separate
     * lanes, which stay so, when it overlaps the passing (give or take the second between samples); for a VRU on a
     * sidewalk, only when it lies within the passing from the vehicle–VRU PET threshold (2 s) before its start, so that
     * the VRU was on the sidewalk throughout (a PET flag comes when the vehicle enters a spot the VRU may have left
     * that long before, on the crosswalk).
     */
    public boolean covers(int intersectionId, long firstId, RoadUserKind firstKind, long secondId, RoadUserKind secondKind,
                          long fromMs, long toMs) {
        if (intersectionId != this.intersectionId || firstId != this.firstId || secondId != this.secondId
                || firstKind.isVru() != this.firstKind.isVru() || secondKind.isVru() != this.secondKind.isVru()) {
            return false;
        }
        return situation == Situation.VEHICLES_IN_SEPARATE_LANES
                ? fromMs <= endMs + SAMPLE_MS && toMs >= startMs - SAMPLE_MS
                : fromMs - VRU_LOOKBACK_MS >= startMs && toMs <= endMs;
    }

    public BenignPassing {
        if (firstKind == null || secondKind == null || situation == null) {
            throw new IllegalArgumentException("kinds and situation must not be null");
        }
        if (startMs > endMs) {
            throw new IllegalArgumentException("passing ends before it starts: " + startMs + " > " + endMs);
        }
    }
}
