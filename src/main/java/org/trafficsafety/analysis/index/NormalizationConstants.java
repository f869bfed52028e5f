package org.trafficsafety.analysis.index;

import java.time.Instant;

/**
 * A versioned set of normalization references (one row of {@code normalization_constants}, design section 6).
 * In the row's {@code constants} jsonb the keys are the component names in snake_case: {@code vru_conflict_ref,
 * vehicle_conflict_ref, volume_ref, speed_ref, speed_std_ref, hard_braking_ref} and {@code weights} (an object
 * with the {@link IndexWeights} components in snake_case, e.g. {@code vru_events}, {@code combined_vehicle}).
 *
 * @param id               the row id; 0 for a set computed but not stored yet (the database assigns it)
 * @param vruConflictRef   p99 of per-minute vru_event_count, >= 1
 * @param vehicleConflictRef p99 of per-minute vehicle_event_count, >= 1
 * @param volumeRef        p99 of per-minute traffic_volume (vehicles), >= 1
 * @param speedRef         p85 of per-minute avg_speed, m/s, >= 1
 * @param speedStdRef      p99 of per-minute speed_std, m/s, >= 0.1
 * @param hardBrakingRef   p99 of per-minute hard_braking_count, >= 1
 */
public record NormalizationConstants(
        long id,
        Instant computedAt,
        Instant validFrom,
        Instant validUntil,
        double vruConflictRef,
        double vehicleConflictRef,
        double volumeRef,
        double speedRef,
        double speedStdRef,
        double hardBrakingRef,
        IndexWeights weights) {

    /** Id of the shipped defaults, the row the schema seeds. */
    public static final long DEFAULT_ID = 1;
    /** {@code validUntil} of a set with no end: the table's {@code valid_until} is NULL. */
    public static final Instant OPEN_END = Instant.parse("9999-12-31T23:59:59Z");
    /** Floor of every reference but speed_std_ref. */
    public static final double REF_FLOOR = 1.0;
    /** Floor of speed_std_ref, m/s. */
    public static final double SPEED_STD_REF_FLOOR_MPS = 0.1;

    public NormalizationConstants {
        if (id < 0) {
            throw new IllegalArgumentException("constants id must be >= 0, was " + id);
        }
        if (computedAt == null || validFrom == null || validUntil == null || weights == null) {
            throw new IllegalArgumentException("times and weights must not be null");
        }
        if (!validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("constants valid until " + validUntil + ", not after valid from " + validFrom);
        }
        requireFloor("vru_conflict_ref", vruConflictRef, REF_FLOOR);
        requireFloor("vehicle_conflict_ref", vehicleConflictRef, REF_FLOOR);
        requireFloor("volume_ref", volumeRef, REF_FLOOR);
        requireFloor("speed_ref", speedRef, REF_FLOOR);
        requireFloor("speed_std_ref", speedStdRef, SPEED_STD_REF_FLOOR_MPS);
        requireFloor("hard_braking_ref", hardBrakingRef, REF_FLOOR);
    }

    /**
     * The shipped defaults, equal to the row {@code V2__safety_indices.sql} seeds (id 1, valid from 1970 with no end):
     * at most 1 vehicle–VRU and 2 vehicle–vehicle conflicts a minute, 40 distinct vehicles a minute, 15 m/s
     * (54 km/h) mean speed, 5 m/s spread of speeds, 2 hard brakings. Used until enough history exists.
     */
    public static NormalizationConstants defaults() {
        return defaults(IndexWeights.defaults());
    }

    /** The shipped defaults with other weights. */
    public static NormalizationConstants defaults(IndexWeights weights) {
        return new NormalizationConstants(DEFAULT_ID, Instant.parse("2026-01-01T00:00:00Z"), Instant.EPOCH, OPEN_END,
                1.0, 2.0, 40.0, 15.0, 5.0, 2.0, weights);
    }

    /** The same constants as stored under {@code storedId}. */
    public NormalizationConstants withId(long storedId) {
        return new NormalizationConstants(storedId, computedAt, validFrom, validUntil, vruConflictRef, vehicleConflictRef,
                volumeRef, speedRef, speedStdRef, hardBrakingRef, weights);
    }

    private static void requireFloor(String name, double value, double floor) {
        if (!(value >= floor) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= " + floor + ", was " + value);
        }
    }
}
