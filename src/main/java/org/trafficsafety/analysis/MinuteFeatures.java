package org.trafficsafety.analysis;

/**
 * The per-minute features of one intersection (design section 6).
 *
 * @param minuteStartMs       start of the UTC minute, epoch ms (a multiple of 60,000)
 * @param trafficVolume       distinct vehicle ids seen in the zone
 * @param vruCount            distinct PSM ids seen in the zone
 * @param avgSpeedMps         mean over vehicles of each vehicle's mean speed, m/s (0 without vehicles)
 * @param speedStdMps         standard deviation of the same per-vehicle speeds (0 with fewer than 2 vehicles)
 * @param hardBrakingCount    braking episodes at &lt;= -3.0 m/s^2, one per vehicle per episode
 * @param vehicleEventCount   vehicle–vehicle conflicts that started in the minute
 * @param vruEventCount       vehicle–VRU conflicts that started in the minute
 */
public record MinuteFeatures(
        int intersectionId,
        long minuteStartMs,
        int trafficVolume,
        int vruCount,
        double avgSpeedMps,
        double speedStdMps,
        int hardBrakingCount,
        int vehicleEventCount,
        int vruEventCount) {

    public MinuteFeatures {
        if (minuteStartMs % 60_000L != 0) {
            throw new IllegalArgumentException("minute start " + minuteStartMs + " is not on a minute boundary");
        }
        if (trafficVolume < 0 || vruCount < 0 || hardBrakingCount < 0 || vehicleEventCount < 0 || vruEventCount < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
        if (!(avgSpeedMps >= 0) || !(speedStdMps >= 0)) {
            throw new IllegalArgumentException("speeds must be >= 0, were " + avgSpeedMps + " and " + speedStdMps);
        }
    }
}
