package org.trafficsafety.analysis.track;

/**
 * Constants of the per-road-user track filter (design section 6, "Tracks").
 *
 * @param positionNoiseM       standard deviation of a reported position (GNSS noise), m
 * @param processNoiseM2S3     white-acceleration spectral density of the per-axis filter, m^2/s^3
 * @param velocityNoiseMps     standard deviation of a velocity built from reported speed and heading, m/s
 * @param deadReckoningNoiseMps standard deviation of the mean of two successive reported velocities as the
 *                             velocity between them (dead reckoning), m/s per axis, before the heading's part
 *                             (the mean speed times the heading noise)
 * @param standstillSpeedMps   reported speeds below this count as standing still for dead reckoning (speed
 *                             noise never goes below zero, so a standing user's noise has a forward bias), m/s
 * @param gateSigma            a sample whose position innovation exceeds this many standard deviations is skipped
 *                             as a glitch; two in a row reset the filter there (GNSS jump)
 * @param maxYawRateRadS       yaw rates are clipped to +- this, rad/s
 * @param headingNoiseDeg      standard deviation of a reported heading, degrees
 * @param yawRateNoiseDegS     standard deviation of a reported yaw rate, deg/s
 * @param yawProcessNoiseRad2S3 white yaw-acceleration spectral density of the heading filter, rad^2/s^3
 * @param yawDeadbandRadS      smaller estimated yaw rates are heading noise, not a turn: yaw rate 0 (CTRV
 *                             over a 3 s horizon turns 0.1 rad/s at 13 m/s into 6 m of lateral error)
 * @param yawMinSpeedMps       below this speed a heading change is noise, not a turn: yaw rate 0
 * @param maxExtrapolationMs   a track is never predicted further than this past its last sample
 * @param gapResetMs           a silence longer than this starts the track afresh (its old path is not joined)
 * @param smoothingLagMs       a kept position is smoothed with the samples after it once it is this old
 *                             (fixed-lag smoother on top of the causal filter); 0 keeps the filter's own
 *                             estimates
 */
public record TrackParameters(
        double positionNoiseM,
        double processNoiseM2S3,
        double velocityNoiseMps,
        double deadReckoningNoiseMps,
        double standstillSpeedMps,
        double gateSigma,
        double maxYawRateRadS,
        double headingNoiseDeg,
        double yawRateNoiseDegS,
        double yawProcessNoiseRad2S3,
        double yawDeadbandRadS,
        double yawMinSpeedMps,
        long maxExtrapolationMs,
        long gapResetMs,
        long smoothingLagMs) {

    public TrackParameters {
        requirePositive("positionNoiseM", positionNoiseM);
        requirePositive("processNoiseM2S3", processNoiseM2S3);
        requirePositive("velocityNoiseMps", velocityNoiseMps);
        requirePositive("deadReckoningNoiseMps", deadReckoningNoiseMps);
        if (!(standstillSpeedMps >= 0)) {
            throw new IllegalArgumentException("standstillSpeedMps must be >= 0, was " + standstillSpeedMps);
        }
        requirePositive("gateSigma", gateSigma);
        requirePositive("maxYawRateRadS", maxYawRateRadS);
        requirePositive("headingNoiseDeg", headingNoiseDeg);
        requirePositive("yawRateNoiseDegS", yawRateNoiseDegS);
        requirePositive("yawProcessNoiseRad2S3", yawProcessNoiseRad2S3);
        if (!(yawMinSpeedMps >= 0) || !(yawDeadbandRadS >= 0 && yawDeadbandRadS < maxYawRateRadS)
                || maxExtrapolationMs < 0 || gapResetMs <= maxExtrapolationMs || smoothingLagMs < 0) {
            throw new IllegalArgumentException("track parameters out of range: yawMinSpeedMps=" + yawMinSpeedMps
                    + " yawDeadbandRadS=" + yawDeadbandRadS + " maxExtrapolationMs=" + maxExtrapolationMs
                    + " gapResetMs=" + gapResetMs + " (gapResetMs must exceed maxExtrapolationMs)");
        }
    }

    /**
     * The design's defaults: 1.5 m position noise, process noise 0.1, yaw rate within +-0.8 rad/s, 1 s
     * extrapolation; headings good to 2 degrees (the simulator's and typical CV on-board units' error).
     */
    public static TrackParameters defaults() {
        return new TrackParameters(1.5, 0.1, 0.5, 0.05, 0.3, 4.0, 0.8, 2.0, 1.0, 0.005, 0.1, 1.0, 1_000, 3_000, 3_000);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
    }
}
