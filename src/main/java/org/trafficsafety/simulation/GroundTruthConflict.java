package org.trafficsafety.simulation;

import org.trafficsafety.analysis.ConflictType;
import org.trafficsafety.analysis.RoadUserKind;

/**
 * A near-miss that really happened in the simulation, measured on the exact (noise-free) trajectories with the
 * design's section-6 measures (TTC with oriented rectangles and constant speed and turn rate, PET with swept
 * half-length discs). One record per unordered pair per encounter (flags of a pair within 5 s merge), the pair in
 * the canonical order of {@link org.trafficsafety.analysis.ConflictEvent}: the vehicle first in a vehicle–VRU
 * conflict, the lower unsigned id first between two vehicles.
 *
 * @param kind         the injected behaviour that caused it, or {@link RiskyBehaviour#UNPLANNED}
 * @param expectedType type by heading difference at the minimum measure
 * @param timeMs       time of the minimum measure (the minimum TTC when TTC flagged, else the minimum PET), epoch ms
 * @param latitude     midpoint of the pair at {@code timeMs} (for PET: of the two bodies at the shared spot)
 * @param startMs      first flag of the encounter, epoch ms
 * @param endMs        last flag of the encounter, epoch ms
 * @param minTtcS      minimum TTC over the encounter, s; NaN when only PET flagged
 * @param minPetS      minimum PET over the encounter, s; NaN when only TTC flagged
 * @param grade        how clearly it is a conflict (see {@link Grade}): scoring a detector counts only the clear
 *                     ones, and ignores detections of the others
 */
public record GroundTruthConflict(
        int intersectionId,
        long firstId,
        RoadUserKind firstKind,
        long secondId,
        RoadUserKind secondKind,
        RiskyBehaviour kind,
        ConflictType expectedType,
        long timeMs,
        double latitude,
        double longitude,
        long startMs,
        long endMs,
        double minTtcS,
        double minPetS,
        Grade grade) {

    /**
     * How far a near-miss is from the thresholds, measured by growing and shrinking every body by the ground
     * truth's tolerance (0.3 m, about the error of a smoothed track at 1.5 m GPS noise).
     */
    public enum Grade {
        /** Still a conflict with every body shrunk by the tolerance. */
        CLEAR,
        /** A conflict as measured, but not with bodies shrunk by the tolerance. */
        MARGINAL,
        /** Not a conflict as measured, but one with bodies grown by the tolerance (reported to {@link SimulationListener#onNearMiss}). */
        NEAR;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public GroundTruthConflict {
        if (firstKind == null || secondKind == null || kind == null || expectedType == null || grade == null) {
            throw new IllegalArgumentException("kinds and types must not be null");
        }
        if (firstKind.isVru() || (!secondKind.isVru() && Long.compareUnsigned(firstId, secondId) > 0)) {
            throw new IllegalArgumentException("pair not in canonical order: " + firstKind + " " + firstId + ", " + secondKind + " " + secondId);
        }
    }

    /** The same conflict with another grade. */
    public GroundTruthConflict withGrade(Grade newGrade) {
        return new GroundTruthConflict(intersectionId, firstId, firstKind, secondId, secondKind, kind, expectedType, timeMs,
                latitude, longitude, startMs, endMs, minTtcS, minPetS, newGrade);
    }

    /** True for the same intersection and pair with overlapping encounter intervals. */
    boolean overlaps(GroundTruthConflict other) {
        return intersectionId == other.intersectionId && firstId == other.firstId && secondId == other.secondId
                && firstKind.isVru() == other.firstKind.isVru() && secondKind.isVru() == other.secondKind.isVru()
                && startMs <= other.endMs && endMs >= other.startMs;
    }

    /** True for a vehicle–VRU conflict. */
    public boolean involvesVru() {
        return secondKind.isVru();
    }
}
