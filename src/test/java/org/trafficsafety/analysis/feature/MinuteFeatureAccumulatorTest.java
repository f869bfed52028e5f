package org.trafficsafety.analysis.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.ConflictType;
import org.trafficsafety.analysis.MinuteFeatures;
import org.trafficsafety.analysis.RoadUserKind;

class MinuteFeatureAccumulatorTest {

    private static final double NA = Double.NaN;
    /** 2026-11-24T08:00:00Z */
    private static final long T0 = 1_795_507_200_000L;

    private final MinuteFeatureAccumulator acc = new MinuteFeatureAccumulator(156, FeatureSettings.defaults());

    @Test
    void shouldCountDistinctRoadUsersAndAveragePerVehicleMeans() {
        // vehicle 1: 10 and 12 m/s -> mean 11; vehicle 2: 14 -> 14; vehicle 3: 20, 20, 20 -> 20; vehicle 4: no speed
        // avg_speed = (11 + 14 + 20) / 3 = 15 (vehicle 4 counts in the volume only)
        // speed_std = sqrt(((11-15)^2 + (14-15)^2 + (20-15)^2) / (3 - 1)) = sqrt((16 + 1 + 25) / 2) = sqrt(21)
        // VRUs 7, 7, 8 -> 2 distinct
        acc.observeVehicle(1, T0 + 100, 10, NA);
        acc.observeVehicle(2, T0 + 200, 14, NA);
        acc.observeVru(7, T0 + 300);
        acc.observeVehicle(3, T0 + 400, 20, NA);
        acc.observeVehicle(4, T0 + 500, NA, NA);
        acc.observeVehicle(1, T0 + 1_100, 12, NA);
        acc.observeVru(7, T0 + 1_300);
        acc.observeVru(8, T0 + 1_400);
        acc.observeVehicle(3, T0 + 1_400, 20, NA);
        acc.observeVehicle(3, T0 + 2_400, 20, NA);

        MinuteFeatures f = acc.closeOldestMinute();

        assertThat(f.minuteStartMs()).isEqualTo(T0);
        assertThat(f.trafficVolume()).isEqualTo(4);
        assertThat(f.vruCount()).isEqualTo(2);
        assertThat(f.avgSpeedMps()).isCloseTo(15.0, within(1e-12));
        assertThat(f.speedStdMps()).isCloseTo(Math.sqrt(21), within(1e-12));
        assertThat(acc.hasOpenMinute()).isFalse();
    }

    @Test
    void shouldGiveZeroSpreadWithFewerThanTwoVehicles() {
        acc.observeVehicle(1, T0, 8, NA);
        acc.observeVehicle(1, T0 + 1_000, 12, NA);
        acc.observeVru(5, T0 + 61_000);

        MinuteFeatures one = acc.closeOldestMinute();
        MinuteFeatures none = acc.closeOldestMinute();

        assertThat(one.avgSpeedMps()).isEqualTo(10.0);
        assertThat(one.speedStdMps()).isZero();
        assertThat(none.trafficVolume()).isZero();
        assertThat(none.vruCount()).isEqualTo(1);
        assertThat(none.avgSpeedMps()).isZero();
        assertThat(none.speedStdMps()).isZero();
    }

    @Test
    void shouldTreatImpossibleSpeedsAsUnavailable() {
        acc.observeVehicle(1, T0, -3, NA);
        acc.observeVehicle(1, T0 + 100, Double.POSITIVE_INFINITY, NA);
        acc.observeVehicle(1, T0 + 200, 9, NA);

        MinuteFeatures f = acc.closeOldestMinute();

        assertThat(f.trafficVolume()).isEqualTo(1);
        assertThat(f.avgSpeedMps()).isEqualTo(9.0);
    }

    @Nested
    class HardBraking {

        @Test
        void shouldCountOneEpisodePerContiguousRunBelowTheThreshold() {
            // accelSet.lon: -1, -3.5, -4 (episode 1 starts at -3.5), -2 (ends), -3.2 (episode 2); vehicle 2: exactly -3.0
            double[] accel = {-1, -3.5, -4, -2, -3.2};
            for (int i = 0; i < accel.length; i++) {
                acc.observeVehicle(1, T0 + i * 100L, 10, accel[i]);
            }
            acc.observeVehicle(2, T0 + 1_000, 10, -3.0);

            assertThat(acc.closeOldestMinute().hardBrakingCount()).isEqualTo(3);
        }

        @Test
        void shouldDeriveDecelerationFromSpeedsHalfASecondApart() {
            // no accelSet: 15 m/s falling 0.4 m/s every 100 ms = -4 m/s^2 for 1.5 s, then steady, then again
            // evaluated at t = 0.5 s: (13 - 15) / 0.5 = -4 <= -3 -> episode 1; t = 1.0, 1.5 s continue it;
            // steady 2.0..3.0 s ends it; braking again from 3.0 s -> episode 2 at 3.5 s
            double speed = 15;
            for (int i = 0; i <= 45; i++) {
                boolean brakingPhase = i < 15 || i >= 30;
                acc.observeVehicle(1, T0 + i * 100L, speed, NA);
                if (brakingPhase) {
                    speed -= 0.4;
                }
            }

            assertThat(acc.closeOldestMinute().hardBrakingCount()).isEqualTo(2);
        }

        @Test
        void shouldIgnoreSpeedNoiseOverLessThanHalfASecond() {
            // a dip of 0.5 m/s over 100 ms would be -5 m/s^2, but spans under 0.5 s are never evaluated;
            // at 0.5 s the speed is back at 15: 0 m/s^2
            double[] speeds = {15, 14.5, 15, 15, 15, 15};
            for (int i = 0; i < speeds.length; i++) {
                acc.observeVehicle(1, T0 + i * 100L, speeds[i], NA);
            }

            assertThat(acc.closeOldestMinute().hardBrakingCount()).isZero();
        }

        @Test
        void shouldNotDeriveAcrossAGapLongerThanTwoSeconds() {
            // 15 -> 0 m/s in 4 s would be -3.75 m/s^2, but a 4 s gap is not one observed manoeuvre
            acc.observeVehicle(1, T0, 15, NA);
            acc.observeVehicle(1, T0 + 4_000, 0, NA);

            assertThat(acc.closeOldestMinute().hardBrakingCount()).isZero();
        }

        @Test
        void shouldCountAnEpisodeSpanningAMinuteBoundaryOnceInItsStartMinute() {
            acc.observeVehicle(1, T0 + 59_800, 10, -4);
            acc.observeVehicle(1, T0 + 60_200, 8, -4);
            acc.observeVehicle(1, T0 + 60_600, 6, -4);

            assertThat(acc.closeOldestMinute().hardBrakingCount()).isEqualTo(1);
            assertThat(acc.closeOldestMinute().hardBrakingCount()).isZero();
        }
    }

    @Test
    void shouldCountEventsInTheMinuteTheyStarted() {
        acc.observeVehicle(1, T0 + 30_000, 10, NA);
        acc.observeVehicle(1, T0 + 70_000, 10, NA);
        ConflictEvent vehicles = event(T0 + 59_000, RoadUserKind.VEHICLE);
        ConflictEvent pedestrian = event(T0 + 61_000, RoadUserKind.PEDESTRIAN);
        ConflictEvent tooEarly = event(T0 - 1_000, RoadUserKind.VEHICLE);

        assertThat(acc.countEvent(vehicles)).isTrue();
        assertThat(acc.countEvent(pedestrian)).isTrue();
        assertThat(acc.countEvent(tooEarly)).isFalse();
        MinuteFeatures first = acc.closeOldestMinute();
        MinuteFeatures second = acc.closeOldestMinute();

        assertThat(first.vehicleEventCount()).isEqualTo(1);
        assertThat(first.vruEventCount()).isZero();
        assertThat(second.vehicleEventCount()).isZero();
        assertThat(second.vruEventCount()).isEqualTo(1);
    }

    @Test
    void shouldNotAllocatePerMessageForKnownRoadUsers() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 70; i++) {
            acc.observeVehicle(1_000 + i, T0, 10, -1);
        }
        acc.observeVru(9, T0);
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int step = 1; step < 500; step++) {
            for (int i = 0; i < 70; i++) {
                acc.observeVehicle(1_000 + i, T0 + step * 100L, 10 - step * 0.01, step % 20 == 0 ? -4 : -1);
            }
            acc.observeVru(9, T0 + step * 100L);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        // 35,000 messages; one 16-byte object each would be 560 kB
        assertThat(allocated).isLessThan(4_096);
        assertThat(acc.closeOldestMinute().hardBrakingCount()).isEqualTo(70 * 24);
    }

    @Test
    void shouldRefuseObservationsOlderThanTheOpenMinute() {
        acc.observeVehicle(1, T0 + 61_000, 10, NA);

        assertThatThrownBy(() -> acc.observeVehicle(1, T0 + 59_000, 10, NA)).hasMessageContaining("time order");
    }

    private static ConflictEvent event(long startMs, RoadUserKind second) {
        return new ConflictEvent(156, startMs, startMs + 1_000, ConflictType.CROSSING, 1, RoadUserKind.VEHICLE, 2,
                second, 1.0, startMs, Double.NaN, 0, 38.9, -77.2, 10, 1.5);
    }

    /**
     * Every vehicle reports at the same 10 Hz instants, so a time-ordered stream may interleave them in any order
     * within an instant: the features must not change (sums run in id order, not hash or arrival order).
     */
    @Property(seed = "7", tries = 200)
    void shouldNotDependOnTheOrderOfRoadUsersWithinAnInstant(@ForAll @IntRange(min = 1, max = 80) int vehicles,
            @ForAll @IntRange(min = 0, max = 10_000) int shuffleSeed) {
        Random random = new Random(vehicles);
        double[][] speeds = new double[vehicles][20];
        for (double[] series : speeds) {
            for (int s = 0; s < series.length; s++) {
                series[s] = random.nextDouble() * 20 - (s > 10 ? s * 0.5 : 0);
            }
        }
        MinuteFeatures inOrder = feed(speeds, null);
        MinuteFeatures shuffled = feed(speeds, new Random(shuffleSeed));

        assertThat(shuffled).isEqualTo(inOrder);
    }

    private static MinuteFeatures feed(double[][] speeds, Random shuffle) {
        MinuteFeatureAccumulator a = new MinuteFeatureAccumulator(156, FeatureSettings.defaults());
        List<Integer> order = new ArrayList<>();
        for (int v = 0; v < speeds.length; v++) {
            order.add(v);
        }
        for (int s = 0; s < speeds[0].length; s++) {
            if (shuffle != null) {
                Collections.shuffle(order, shuffle);
            }
            for (int v : order) {
                a.observeVehicle(1_000_000L + v * 7919L, T0 + s * 100L, Math.max(0, speeds[v][s]), NA);
                if (v % 5 == 0) {
                    a.observeVru(4_000_000_000L + v, T0 + s * 100L);
                }
            }
        }
        return a.closeOldestMinute();
    }
}
