package org.trafficsafety.analysis.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trafficsafety.analysis.MinuteFeatures;

class ConstantsCalculatorTest {

    private static final Instant AS_OF = Instant.parse("2026-11-24T00:00:00Z");
    private static final long MINUTE_MS = 60_000L;

    private final ConstantsCalculator calculator =
            new ConstantsCalculator(Duration.ofDays(28), 10, Duration.ofDays(2), IndexWeights.defaults());

    /** Minute i (i = 0..100) before AS_OF has volume i, avg speed 0.2 i, std 0.05 i, braking i/10, events i/20. */
    private static List<MinuteFeatures> rampHistory() {
        List<MinuteFeatures> history = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            long start = AS_OF.toEpochMilli() - (i + 1) * MINUTE_MS;
            history.add(new MinuteFeatures(156, start, i, 0, 0.2 * i, 0.05 * i, i / 10, i / 20, 0));
        }
        return history;
    }

    @Test
    void shouldTakeP99AndP85WithTheirFloors() {
        // 101 sorted values v_0..v_100: p99 sits at rank 0.99*100 = 99, p85 at rank 85 (no interpolation needed)
        // volume_ref = 99; speed_ref = p85 of 0.2 i = 17.0; speed_std_ref = p99 of 0.05 i = 4.95
        // hard_braking_ref = p99 of floor(i/10) = 9; vehicle_conflict_ref = p99 of floor(i/20) = 4
        // vru_conflict_ref = p99 of all zeros = 0, floored to 1
        NormalizationConstants c = calculator.tryCompute(rampHistory(), AS_OF).orElseThrow();

        assertThat(c.volumeRef()).isCloseTo(99.0, within(1e-9));
        assertThat(c.speedRef()).isCloseTo(17.0, within(1e-9));
        assertThat(c.speedStdRef()).isCloseTo(4.95, within(1e-9));
        assertThat(c.hardBrakingRef()).isCloseTo(9.0, within(1e-9));
        assertThat(c.vehicleConflictRef()).isCloseTo(4.0, within(1e-9));
        assertThat(c.vruConflictRef()).isEqualTo(1.0);
        assertThat(c.id()).isZero();
        assertThat(c.validFrom()).isEqualTo(AS_OF);
        assertThat(c.validUntil()).isEqualTo(AS_OF.plus(Duration.ofDays(2)));
    }

    @Test
    void shouldInterpolateBetweenClosestRanksLikePercentileCont() {
        // values 1..10: p85 at rank 0.85*9 = 7.65 -> v[7] + 0.65 (v[8] - v[7]) = 8 + 0.65 = 8.65
        // p99 at rank 8.91 -> 9 + 0.91 * 1 = 9.91
        double[] values = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        assertThat(ConstantsCalculator.percentile(values.clone(), 10, 0.85)).isCloseTo(8.65, within(1e-12));
        assertThat(ConstantsCalculator.percentile(values.clone(), 10, 0.99)).isCloseTo(9.91, within(1e-12));
    }

    @Test
    void shouldFloorSpeedStdRefAtOneTenth() {
        // every minute had one vehicle: speed_std 0 everywhere -> p99 = 0 -> floor 0.1; speed 0 -> floor 1
        List<MinuteFeatures> history = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            history.add(new MinuteFeatures(156, AS_OF.toEpochMilli() - i * MINUTE_MS, 1, 0, 0, 0, 0, 0, 0));
        }
        NormalizationConstants c = calculator.tryCompute(history, AS_OF).orElseThrow();

        assertThat(c.speedStdRef()).isEqualTo(0.1);
        assertThat(c.speedRef()).isEqualTo(1.0);
        assertThat(c.volumeRef()).isEqualTo(1.0);
    }

    @Test
    void shouldOnlyUseTheTrailingWindow() {
        // 20 quiet minutes inside the window; 20 minutes of volume 500 just outside it (28 days + 1 minute ago)
        // and at AS_OF itself (the window is half-open): the outside ones must not raise volume_ref above 5
        List<MinuteFeatures> history = new ArrayList<>();
        long windowStart = AS_OF.minus(Duration.ofDays(28)).toEpochMilli();
        for (int i = 0; i < 20; i++) {
            history.add(new MinuteFeatures(156, windowStart + i * MINUTE_MS, 5, 0, 10, 1, 0, 0, 0));
            history.add(new MinuteFeatures(158, windowStart - (i + 1) * MINUTE_MS, 500, 0, 10, 1, 0, 0, 0));
        }
        history.add(new MinuteFeatures(158, AS_OF.toEpochMilli(), 500, 0, 10, 1, 0, 0, 0));

        assertThat(calculator.tryCompute(history, AS_OF).orElseThrow().volumeRef()).isEqualTo(5.0);
    }

    @Test
    void shouldKeepTheDefaultsWhileHistoryIsShort() {
        List<MinuteFeatures> nine = rampHistory().subList(0, 9);

        assertThat(calculator.tryCompute(nine, AS_OF)).isEmpty();
        assertThat(new ConstantsCalculator(IndexWeights.defaults()).tryCompute(rampHistory(), AS_OF)).isEmpty();
    }

    @Test
    void shouldShipDefaultsMatchingTheSeededRow() {
        NormalizationConstants d = NormalizationConstants.defaults();

        // V2__safety_indices.sql seeds 1, 2, 40, 15, 5, 2 with the design's weights
        assertThat(d.id()).isEqualTo(1L);
        assertThat(new double[] {d.vruConflictRef(), d.vehicleConflictRef(), d.volumeRef(), d.speedRef(), d.speedStdRef(),
                d.hardBrakingRef()}).containsExactly(1, 2, 40, 15, 5, 2);
        assertThat(d.weights()).isEqualTo(IndexWeights.defaults());
        assertThat(d.withId(7).id()).isEqualTo(7L);
    }
}
