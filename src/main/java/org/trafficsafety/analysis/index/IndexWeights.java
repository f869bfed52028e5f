package org.trafficsafety.analysis.index;

/**
 * The weights of the tsi-1 formulas (design section 6). Each of the three groups sums to 1, so every index stays
 * within 0–100. Stored with the normalization constants, so a row can always be recomputed from its constants.
 *
 * <pre>
 * vru_index      = 100 (vruEvents n(vru_event_count) + vruVolume n(traffic_volume) + vruSpeed n(avg_speed) + vruSpeedStd n(speed_std))
 * vehicle_index  = 100 (vehicleEvents n(vehicle_event_count) + vehicleVolume n(traffic_volume) + vehicleSpeedStd n(speed_std)
 *                       + vehicleHardBraking n(hard_braking_count))
 * combined_index = combinedVru vru_index + combinedVehicle vehicle_index
 * </pre>
 */
public record IndexWeights(
        double vruEvents,
        double vruVolume,
        double vruSpeed,
        double vruSpeedStd,
        double vehicleEvents,
        double vehicleVolume,
        double vehicleSpeedStd,
        double vehicleHardBraking,
        double combinedVru,
        double combinedVehicle) {

    private static final double SUM_TOLERANCE = 1e-9;

    public IndexWeights {
        requireGroup("vru", vruEvents, vruVolume, vruSpeed, vruSpeedStd);
        requireGroup("vehicle", vehicleEvents, vehicleVolume, vehicleSpeedStd, vehicleHardBraking);
        requireGroup("combined", combinedVru, combinedVehicle);
    }

    /** The design's weights: 0.4/0.2/0.2/0.2, 0.3/0.3/0.2/0.2 and 0.6/0.4. */
    public static IndexWeights defaults() {
        return new IndexWeights(0.4, 0.2, 0.2, 0.2, 0.3, 0.3, 0.2, 0.2, 0.6, 0.4);
    }

    private static void requireGroup(String group, double... weights) {
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0 && w <= 1)) {
                throw new IllegalArgumentException(group + " weights must each be within 0..1, got " + java.util.Arrays.toString(weights));
            }
            sum += w;
        }
        if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
            throw new IllegalArgumentException(group + " weights must sum to 1, sum to " + sum + ": " + java.util.Arrays.toString(weights));
        }
    }
}
