package org.trafficsafety.analysis.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TrackTest {

    private final TrackParameters parameters = TrackParameters.defaults();
    private final Motion motion = new Motion();

    @Test
    void shouldReproduceANoiseFreeStraightPathExactly() {
        Track track = new Track(parameters, false);
        for (int k = 0; k <= 50; k++) {
            track.update(k * 100L, -50 + 1.5 * k, 3, 15, 90, Double.NaN, Double.NaN);
        }

        assertThat(track.eastM()).isCloseTo(25, within(1e-6));
        assertThat(track.northM()).isCloseTo(3, within(1e-6));
        assertThat(track.yawRateRadS()).isZero();
    }

    @Test
    void shouldCutWhiteGpsNoiseSeveralFold() {
        // 1.5 m per axis (2.1 m radial RMS) at 10 Hz on a straight 15 m/s path with exact speed and heading.
        Track track = new Track(parameters, false);
        Random random = new Random(42);
        double sum2 = 0;
        int n = 0;
        for (int k = 0; k <= 300; k++) {
            double east = -200 + 1.5 * k;
            track.update(k * 100L, east + 1.5 * random.nextGaussian(), 1.5 * random.nextGaussian(), 15, 90, Double.NaN, Double.NaN);
            if (k >= 30) {
                sum2 += Math.pow(track.eastM() - east, 2) + Math.pow(track.northM(), 2);
                n++;
            }
        }

        assertThat(Math.sqrt(sum2 / n)).isLessThan(0.7);
        assertThat(track.resetCount()).isZero();
    }

    @Test
    void shouldSmoothAYoungTracksPastWithItsLaterSamples() {
        // A 2 Hz track, 1.5 m noise per axis, straight at 10 m/s with exact speed and heading: the position at 2 s,
        // once it is the 3 s smoothing lag old (where TTC is evaluated), rests on the samples after it too. Averaged
        // over 200 seeded tracks of 11 samples: the causal estimate at 2 s is the mean of 5 samples, the smoothed one
        // of all 11.
        double filtered2 = 0;
        double smoothed2 = 0;
        Motion at = new Motion();
        for (int seed = 0; seed < 200; seed++) {
            Track track = new Track(parameters, false);
            Random random = new Random(seed);
            for (int k = 0; k <= 10; k++) {
                track.update(k * 500L, 5.0 * k + 1.5 * random.nextGaussian(), 1.5 * random.nextGaussian(), 10, 90,
                        Double.NaN, Double.NaN);
                if (k == 4) {
                    filtered2 += Math.pow(track.eastM() - 20, 2) + Math.pow(track.northM(), 2);
                }
            }
            track.stateAt(2_000, at);
            smoothed2 += Math.pow(at.eastM() - 20, 2) + Math.pow(at.northM(), 2);
        }

        double filtered = Math.sqrt(filtered2 / 200);
        double smoothed = Math.sqrt(smoothed2 / 200);
        // 2.1 m radial raw: about 2.1 / sqrt(5) = 0.95 m filtered and 2.1 / sqrt(11) = 0.63 m smoothed
        assertThat(filtered).isBetween(0.75, 1.2);
        assertThat(smoothed).isLessThan(0.8 * filtered);
    }

    @Test
    void shouldDeadReckonATurnWithoutLag() {
        // Noise-free samples at 2 Hz on a circle of radius 20 m at 8 m/s (yaw rate 0.4 rad/s, clockwise): a
        // constant-velocity filter that trusts positions little cuts the corner by decimetres at every step; the mean
        // of the two reported velocities is the chord, so the track stays on the circle.
        Track track = new Track(parameters, false);
        double radius = 20;
        double maxError = 0;
        for (int k = 0; k <= 16; k++) {
            double angle = 0.4 * k * 0.5; // heading, rad clockwise from north; centre of the circle at (20, 0)
            double east = radius - radius * Math.cos(angle);
            double north = radius * Math.sin(angle);
            track.update(k * 500L, east, north, 8, Math.toDegrees(angle), Math.toDegrees(0.4), Double.NaN);
            maxError = Math.max(maxError, Math.hypot(track.eastM() - east, track.northM() - north));
        }

        assertThat(maxError).isLessThan(0.05);
    }

    /** Samples k = from..to of a drive east along north = 0 at 10 m/s, periodMs apart. */
    private static void driveEast(Track track, long periodMs, int from, int to) {
        for (int k = from; k <= to; k++) {
            track.update(k * periodMs, 10.0 * k * periodMs / 1000.0, 0, 10, 90, Double.NaN, Double.NaN);
        }
    }

    @Test
    void shouldKeepTheSpeedUntilABrakingOnsetBetweenSamplesWhenAccelerationIsReported() {
        // 10 m/s at 2 Hz, acceleration 0; the sample at 2.5 s says 9 m/s and -8 m/s^2: the braking began late in
        // the half second. The cubic through (10, slope 0) and (9, slope -8 x 0.5 s = -4) at u = 0.5 is
        // 0.5 x 10 + 0.5 x 9 + (u^3 - u^2) x (-4) = 9.5 + 0.5 = 10.0; at u = 0.75 it is 0.15625 x 10 + 0.84375 x 9
        // + (-0.140625) x (-4) = 9.71875. Without the accelerations the speed is the straight line: 9.5 at u = 0.5.
        Track reported = new Track(parameters, false);
        Track unreported = new Track(parameters, false);
        for (int k = 0; k <= 4; k++) {
            reported.update(k * 500L, 5.0 * k, 0, 10, 90, Double.NaN, 0.0);
            unreported.update(k * 500L, 5.0 * k, 0, 10, 90, Double.NaN, Double.NaN);
        }
        reported.update(2_500, 24.75, 0, 9, 90, Double.NaN, -8.0);
        unreported.update(2_500, 24.75, 0, 9, 90, Double.NaN, Double.NaN);

        reported.stateAt(2_250, motion);
        assertThat(motion.speedMps()).isCloseTo(10.0, within(1e-9));
        reported.stateAt(2_375, motion);
        assertThat(motion.speedMps()).isCloseTo(9.71875, within(1e-9));
        unreported.stateAt(2_250, motion);
        assertThat(motion.speedMps()).isCloseTo(9.5, within(1e-9));
    }

    @Test
    void shouldAverageAPedestriansReportedHeadingsOnceTheyAreALagOldButNotAcrossACorner() {
        // 1.4 m/s east at 1 Hz, reported headings alternating 88 and 92 (noise), then a corner: south from 10 s.
        // Sample 4 (reported 88) is a lag (3 s) old at 7 s; the samples within 3 s either side, 1 to 7, report
        // 92, 88, 92, 88, 92, 88, 92: mean 90.29. Sample 9 (reported 92) averages 6 to 9 only, the corner's
        // 180s at 10 to 12 being more than 20 degrees away: 88, 92, 88, 92 = 90.
        Track pedestrian = new Track(parameters, true);
        for (int k = 0; k <= 9; k++) {
            pedestrian.update(k * 1_000L, 1.4 * k, 0, 1.4, k % 2 == 0 ? 88 : 92, Double.NaN, Double.NaN);
        }
        for (int k = 10; k <= 12; k++) {
            pedestrian.update(k * 1_000L, 1.4 * 9.5, -1.4 * (k - 9.5), 1.4, 180, Double.NaN, Double.NaN);
        }

        pedestrian.stateAt(4_000, motion);
        assertThat(motion.headingDeg()).isCloseTo((4 * 92 + 3 * 88) / 7.0, within(0.01));
        pedestrian.stateAt(9_000, motion);
        assertThat(motion.headingDeg()).isCloseTo(90, within(0.01));
        pedestrian.stateAt(12_000, motion);   // not yet a lag old: as reported
        assertThat(motion.headingDeg()).isEqualTo(180);
    }

    @Test
    void shouldRestartOnAJumpOutsideTheGate() {
        Track track = new Track(parameters, false);
        driveEast(track, 100, 0, 19);
        track.update(2_000, 50, 30, 10, 90, Double.NaN, Double.NaN);
        assertThat(track.resetCount()).isZero();
        track.update(2_100, 51, 30, 10, 90, Double.NaN, Double.NaN);

        // two samples in a row far outside the gate: a jump, the track restarts at the second
        assertThat(track.resetCount()).isEqualTo(1);
        assertThat(track.eastM()).isEqualTo(51);
        assertThat(track.northM()).isEqualTo(30);
    }

    @Test
    void shouldSkipASingleSampleFarOutsideTheGate() {
        // 10 m/s east along north = 0 at 2 Hz; one sample 7 m off to the north (a glitch), then back on the line.
        Track track = new Track(parameters, false);
        driveEast(track, 500, 0, 19);
        track.update(10_000, 100, 7, 10, 90, Double.NaN, Double.NaN);

        assertThat(track.rejectedCount()).isEqualTo(1);
        assertThat(track.resetCount()).isZero();
        assertThat(track.eastM()).isCloseTo(100, within(1e-6));   // dead reckoned, the position skipped
        assertThat(track.northM()).isCloseTo(0, within(1e-6));

        driveEast(track, 500, 21, 30);
        assertThat(track.resetCount()).isZero();
        track.stateAt(10_000, motion);   // smoothed since: the glitch is not among the measurements
        assertThat(motion.northM()).isCloseTo(0, within(1e-6));
        assertThat(motion.eastM()).isCloseTo(100, within(1e-6));
    }

    @Test
    void shouldDeriveVelocityFromPositionsOnlyWhenSpeedAndHeadingAreMissing() {
        Track track = new Track(parameters, false);
        for (int k = 0; k <= 50; k++) {
            track.update(k * 100L, 1.0 * k, -0.5 * k, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }

        // 10 m/s east and 5 m/s south: speed sqrt(125) = 11.18 m/s, heading 90 + atan(5/10) = 116.57 deg.
        assertThat(track.speedMps()).isCloseTo(11.18, within(0.2));
        assertThat(track.headingDeg()).isCloseTo(116.57, within(2.0));
    }

    @Test
    void shouldEstimateYawRateFromHeadingChangesAndClipIt() {
        Track gentle = new Track(parameters, false);
        Track sharp = new Track(parameters, false);
        for (int k = 0; k <= 30; k++) {
            gentle.update(k * 100L, k, 0, 10, 2.0 * k, Double.NaN, Double.NaN);
            sharp.update(k * 100L, k, 0, 10, 9.0 * k, Double.NaN, Double.NaN);
        }

        // 20 deg/s = 0.349 rad/s after 3 s of steady turning; 90 deg/s = 1.57 rad/s is clipped to 0.8.
        assertThat(gentle.yawRateRadS()).isCloseTo(Math.toRadians(20), within(0.02));
        assertThat(gentle.headingDeg()).isCloseTo(60, within(1.0));
        assertThat(sharp.yawRateRadS()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void shouldSmoothNoisyHeadingsOfAStraightDrive() {
        // 2 deg heading noise at 2 Hz on a straight drive. Raw differences over 0.5 s would give yaw rates of
        // 2.8 deg / 0.5 s = 0.1 rad/s RMS; the filter keeps its estimate inside the 0.1 rad/s dead band nearly
        // always, and the heading error RMS below the raw 2 deg (at 2 Hz a turn-following filter cannot do much better).
        Track track = new Track(parameters, false);
        Random random = new Random(7);
        int turning = 0;
        double sum2 = 0;
        int n = 0;
        for (int k = 0; k <= 200; k++) {
            track.update(k * 500L, 7.5 * k, 0, 15, 90 + 2.0 * random.nextGaussian(), Double.NaN, Double.NaN);
            if (k >= 10) {
                turning += track.yawRateRadS() != 0 ? 1 : 0;
                sum2 += Math.pow(track.headingDeg() - 90, 2);
                n++;
            }
        }

        assertThat(turning).isLessThanOrEqualTo(n / 20);
        assertThat(Math.sqrt(sum2 / n)).isLessThan(1.75);
    }

    @Test
    void shouldPreferAReportedYawRateAndNeverTurnVrus() {
        Track vehicle = new Track(parameters, false);
        Track pedestrian = new Track(parameters, true);
        for (int k = 0; k <= 10; k++) {
            vehicle.update(k * 100L, 0, k, 10, 1.0 * k, 10, Double.NaN);
        }
        pedestrian.update(0, 0, 0, 1.4, 0, Double.NaN, Double.NaN);
        pedestrian.update(1_000, 0, 1.4, 1.4, 30, Double.NaN, Double.NaN);

        assertThat(vehicle.yawRateRadS()).isCloseTo(Math.toRadians(10), within(Math.toRadians(0.5)));
        assertThat(pedestrian.yawRateRadS()).isZero();
        assertThat(pedestrian.headingDeg()).isEqualTo(30);
    }

    @Nested
    class TimeQueries {

        private final Track track = new Track(parameters, false);

        TimeQueries() {
            // Straight east at 10 m/s along y = 0, one sample a second from t = 0 to 5 s.
            for (int k = 0; k <= 5; k++) {
                track.update(k * 1_000L, 10.0 * k, 0, 10, 90, Double.NaN, Double.NaN);
            }
        }

        @Test
        void shouldInterpolateBetweenSamples() {
            track.stateAt(2_500, motion);

            assertThat(motion.eastM()).isCloseTo(25, within(1e-6));
            assertThat(motion.northM()).isCloseTo(0, within(1e-6));
        }

        @Test
        void shouldExtrapolateAtMostOneSecond() {
            track.stateAt(5_800, motion);

            assertThat(motion.eastM()).isCloseTo(58, within(1e-6));
            assertThat(track.covers(6_000)).isTrue();
            assertThat(track.covers(6_001)).isFalse();
            assertThat(track.covers(-1)).isFalse();
        }

        @Test
        void shouldFindTheLatestPassageNearAPoint() {
            // (30, 3) with radius 5: the path y = 0 is within 5 m for x in 30 +- 4, the last time at x = 34: 3.4 s.
            assertThat(track.latestTimeWithin(30, 3, 5, 0, 5_000)).isEqualTo(3_400);
            // Looking only up to 3.2 s, the latest is 3.2 s itself (x = 32 is still within 5 m).
            assertThat(track.latestTimeWithin(30, 3, 5, 0, 3_200)).isEqualTo(3_200);
            // Not within the window [0, 2.5 s]: the path reaches x = 26 only at 2.6 s.
            assertThat(track.latestTimeWithin(30, 3, 5, 0, 2_500)).isEqualTo(Track.NO_TIME);
            // Never within 2 m.
            assertThat(track.latestTimeWithin(30, 3, 2, 0, 5_000)).isEqualTo(Track.NO_TIME);
            // Extrapolated part: (57, 0) is reached at 5.7 s, within 1 s past the last sample.
            assertThat(track.latestTimeWithin(62, 0, 5, 0, 5_700)).isEqualTo(5_700);
        }
    }
}
