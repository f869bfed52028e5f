package org.trafficsafety.analysis;

/**
 * One row of {@code safety_indices_realtime}: an intersection's features and indices for one UTC minute.
 * Indices are 0–100, higher = riskier; the {@code Eb} forms are Empirical-Bayes shrunk (design section 6).
 *
 * @param hourOfDay     0–23, UTC
 * @param dayOfWeek     0 = Monday … 6 = Sunday, UTC
 * @param constantsId   id of the {@code normalization_constants} row used
 * @param formulaVersion e.g. "tsi-1"
 */
public record SafetyIndexRow(
        MinuteFeatures features,
        double vruIndex,
        double vehicleIndex,
        double combinedIndex,
        double vruIndexEb,
        double vehicleIndexEb,
        double combinedIndexEb,
        int hourOfDay,
        int dayOfWeek,
        long constantsId,
        String formulaVersion) {

    public SafetyIndexRow {
        if (features == null || formulaVersion == null) {
            throw new IllegalArgumentException("features and formulaVersion must not be null");
        }
        checkIndex("vru_index", vruIndex);
        checkIndex("vehicle_index", vehicleIndex);
        checkIndex("combined_index", combinedIndex);
        checkIndex("vru_index_eb", vruIndexEb);
        checkIndex("vehicle_index_eb", vehicleIndexEb);
        checkIndex("combined_index_eb", combinedIndexEb);
        if (hourOfDay < 0 || hourOfDay > 23 || dayOfWeek < 0 || dayOfWeek > 6) {
            throw new IllegalArgumentException("hour " + hourOfDay + " / day " + dayOfWeek + " out of range");
        }
    }

    private static void checkIndex(String name, double value) {
        if (!(value >= 0.0 && value <= 100.0)) {
            throw new IllegalArgumentException(name + " must be within 0..100, was " + value);
        }
    }

    public int intersectionId() {
        return features.intersectionId();
    }

    public long minuteStartMs() {
        return features.minuteStartMs();
    }
}
