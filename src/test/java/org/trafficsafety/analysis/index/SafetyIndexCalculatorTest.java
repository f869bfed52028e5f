package org.trafficsafety.analysis.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trafficsafety.analysis.MinuteFeatures;
import org.trafficsafety.analysis.SafetyIndexRow;

/**
 * Golden values for the tsi-1 formulas, computed by hand with round test constants:
 * vru_conflict_ref 1, vehicle_conflict_ref 2, volume_ref 100, speed_ref 15, speed_std_ref 8, hard_braking_ref 2.
 */
class SafetyIndexCalculatorTest {

    private static final double EPS = 1e-9;
    /** Tuesday 2026-11-24 14:37 UTC: hour 14, day 1 (Monday = 0). */
    private static final long MINUTE = Instant.parse("2026-11-24T14:37:00Z").toEpochMilli();

    private final SafetyIndexCalculator calculator = new SafetyIndexCalculator(50);
    private final NormalizationConstants constants = constants(IndexWeights.defaults());

    private static NormalizationConstants constants(IndexWeights weights) {
        return new NormalizationConstants(1, Instant.EPOCH, Instant.EPOCH, NormalizationConstants.OPEN_END,
                1, 2, 100, 15, 8, 2, weights);
    }

    private static MinuteFeatures features(int volume, int vrus, double avgSpeed, double speedStd, int hardBraking,
            int vehicleEvents, int vruEvents) {
        return new MinuteFeatures(156, MINUTE, volume, vrus, avgSpeed, speedStd, hardBraking, vehicleEvents, vruEvents);
    }

    @Test
    void shouldGiveZeroIndicesForAMinuteWithOnlyAStandingPedestrian() {
        // every normalized term is 0/ref = 0, so all three indices are 100 * 0 = 0
        SafetyIndexRow row = calculator.compute(features(0, 1, 0, 0, 0, 0, 0), constants, Optional.empty());

        assertThat(row.vruIndex()).isEqualTo(0.0);
        assertThat(row.vehicleIndex()).isEqualTo(0.0);
        assertThat(row.combinedIndex()).isEqualTo(0.0);
        assertThat(row.combinedIndexEb()).isEqualTo(0.0);
    }

    @Test
    void shouldScoreOneVehicleAtTenMetresPerSecond() {
        // n(volume) = 1/100 = 0.01, n(avg_speed) = 10/15 = 0.666..., everything else 0
        // vru     = 100 (0.4*0 + 0.2*0.01 + 0.2*0.6667 + 0.2*0) = 100 (0.002 + 0.13333) = 13.5333...
        // vehicle = 100 (0.3*0 + 0.3*0.01 + 0.2*0 + 0.2*0)        = 0.3
        // combined = 0.6*13.5333 + 0.4*0.3 = 8.12 + 0.12          = 8.24
        SafetyIndexRow row = calculator.compute(features(1, 0, 10, 0, 0, 0, 0), constants, Optional.empty());

        assertThat(row.vruIndex()).isCloseTo(13.533333333333333, within(EPS));
        assertThat(row.vehicleIndex()).isCloseTo(0.3, within(EPS));
        assertThat(row.combinedIndex()).isCloseTo(8.24, within(EPS));
    }

    @Test
    void shouldSaturateEveryTermAtItsReference() {
        // every feature at or above its ref: n = 1 for all, so 100 (0.4+0.2+0.2+0.2) = 100, 100 (0.3+0.3+0.2+0.2) = 100
        SafetyIndexRow atRefs = calculator.compute(features(100, 0, 15, 8, 2, 2, 1), constants, Optional.empty());
        SafetyIndexRow aboveRefs = calculator.compute(features(250, 3, 20, 12, 4, 5, 3), constants, Optional.empty());

        for (SafetyIndexRow row : new SafetyIndexRow[] {atRefs, aboveRefs}) {
            assertThat(row.vruIndex()).isCloseTo(100.0, within(EPS));
            assertThat(row.vehicleIndex()).isCloseTo(100.0, within(EPS));
            assertThat(row.combinedIndex()).isCloseTo(100.0, within(EPS));
            assertThat(row.combinedIndex()).isLessThanOrEqualTo(100.0);
        }
    }

    @Test
    void shouldScoreATypicalBusyMinute() {
        // 50 vehicles, 4 VRUs, avg 12 m/s, std 4 m/s, 1 hard braking, 1 vehicle event, 0 VRU events
        // n: volume 50/100 = 0.5, speed 12/15 = 0.8, std 4/8 = 0.5, braking 1/2 = 0.5, vehicle events 1/2 = 0.5
        // vru     = 100 (0.4*0 + 0.2*0.5 + 0.2*0.8 + 0.2*0.5)   = 100 (0.10 + 0.16 + 0.10) = 36
        // vehicle = 100 (0.3*0.5 + 0.3*0.5 + 0.2*0.5 + 0.2*0.5) = 100 (0.15 + 0.15 + 0.10 + 0.10) = 50
        // combined = 0.6*36 + 0.4*50 = 21.6 + 20 = 41.6
        SafetyIndexRow row = calculator.compute(features(50, 4, 12, 4, 1, 1, 0), constants, Optional.empty());

        assertThat(row.vruIndex()).isCloseTo(36.0, within(EPS));
        assertThat(row.vehicleIndex()).isCloseTo(50.0, within(EPS));
        assertThat(row.combinedIndex()).isCloseTo(41.6, within(EPS));
        assertThat(row.hourOfDay()).isEqualTo(14);
        assertThat(row.dayOfWeek()).isEqualTo(1);
        assertThat(row.constantsId()).isEqualTo(1L);
        assertThat(row.formulaVersion()).isEqualTo("tsi-1");
    }

    @Test
    void shouldApplyConfiguredWeights() {
        // vru index only from VRU events, vehicle index only from hard braking, combined half and half:
        // vru = 100 * 1.0 * n(1, 1) = 100; vehicle = 100 * 1.0 * n(1, 2) = 50; combined = 0.5*100 + 0.5*50 = 75
        IndexWeights weights = new IndexWeights(1, 0, 0, 0, 0, 0, 0, 1, 0.5, 0.5);
        SafetyIndexRow row = calculator.compute(features(50, 4, 12, 4, 1, 1, 1), constants(weights),
                Optional.empty());

        assertThat(row.vruIndex()).isCloseTo(100.0, within(EPS));
        assertThat(row.vehicleIndex()).isCloseTo(50.0, within(EPS));
        assertThat(row.combinedIndex()).isCloseTo(75.0, within(EPS));
    }

    @Test
    void shouldReproduceTheWorkedExampleOfTheMethodologyDoc() {
        // docs/methodology.md, with the shipped defaults (refs 1, 2, 40, 15, 5, 2):
        // n: volume 30/40 = 0.75, speed 9/15 = 0.6, std 3/5 = 0.6, braking 1/2 = 0.5, vehicle events 1/2 = 0.5
        // vru     = 100 (0.4*0 + 0.2*0.75 + 0.2*0.6 + 0.2*0.6)   = 100 (0.15 + 0.12 + 0.12) = 39
        // vehicle = 100 (0.3*0.5 + 0.3*0.75 + 0.2*0.6 + 0.2*0.5) = 100 (0.15 + 0.225 + 0.12 + 0.10) = 59.5
        // combined = 0.6*39 + 0.4*59.5 = 23.4 + 23.8 = 47.2
        // EB with prior 30 / 45 / 36: m = 30 + 4 = 34, w = 34/84
        // vru_eb = (34*39 + 50*30)/84 = 2826/84; vehicle_eb = (34*59.5 + 50*45)/84 = 4273/84;
        // combined_eb = (34*47.2 + 50*36)/84 = 3404.8/84 = 40.533...
        SafetyIndexRow row = calculator.compute(features(30, 4, 9, 3, 1, 1, 0), NormalizationConstants.defaults(),
                Optional.of(new EbPrior(30, 45, 36, 28)));

        assertThat(row.vruIndex()).isCloseTo(39.0, within(EPS));
        assertThat(row.vehicleIndex()).isCloseTo(59.5, within(EPS));
        assertThat(row.combinedIndex()).isCloseTo(47.2, within(EPS));
        assertThat(row.vruIndexEb()).isCloseTo(2826.0 / 84, within(EPS));
        assertThat(row.vehicleIndexEb()).isCloseTo(4273.0 / 84, within(EPS));
        assertThat(row.combinedIndexEb()).isCloseTo(3404.8 / 84, within(EPS));
        assertThat(RiskLevel.of(row.combinedIndexEb())).isEqualTo(RiskLevel.LOW);
    }

    @Nested
    class EmpiricalBayes {

        @Test
        void shouldLeaveIndicesUnshrunkWithoutAPrior() {
            SafetyIndexRow row = calculator.compute(features(50, 4, 12, 4, 1, 1, 0), constants, Optional.empty());

            assertThat(row.vruIndexEb()).isEqualTo(row.vruIndex());
            assertThat(row.vehicleIndexEb()).isEqualTo(row.vehicleIndex());
            assertThat(row.combinedIndexEb()).isEqualTo(row.combinedIndex());
        }

        @Test
        void shouldShrinkATypicalMinuteTowardItsPrior() {
            // raw 36 / 50 / 41.6 (see shouldScoreATypicalBusyMinute); prior 20 / 30 / 24
            // m = 50 + 4 = 54, w = 54 / (54 + 50) = 54/104
            // vru_eb      = (54*36   + 50*20) / 104 = (1944   + 1000) / 104 = 2944   / 104 = 28.307692...
            // vehicle_eb  = (54*50   + 50*30) / 104 = (2700   + 1500) / 104 = 4200   / 104 = 40.384615...
            // combined_eb = (54*41.6 + 50*24) / 104 = (2246.4 + 1200) / 104 = 3446.4 / 104 = 33.138461...
            SafetyIndexRow row = calculator.compute(features(50, 4, 12, 4, 1, 1, 0), constants,
                    Optional.of(new EbPrior(20, 30, 24, 28)));

            assertThat(row.vruIndexEb()).isCloseTo(2944.0 / 104, within(EPS));
            assertThat(row.vehicleIndexEb()).isCloseTo(4200.0 / 104, within(EPS));
            assertThat(row.combinedIndexEb()).isCloseTo(3446.4 / 104, within(EPS));
            assertThat(row.combinedIndex()).isCloseTo(41.6, within(EPS));
        }

        @Test
        void shouldPullOneVehicleAlmostEntirelyToThePrior() {
            // raw vru 13.5333 (one vehicle at 10 m/s); prior vru 40; m = 1, w = 1/51
            // vru_eb = (1*13.5333 + 50*40) / 51 = 2013.5333 / 51 = 39.48104...
            SafetyIndexRow row = calculator.compute(features(1, 0, 10, 0, 0, 0, 0), constants,
                    Optional.of(new EbPrior(40, 20, 32, 5)));

            assertThat(row.vruIndexEb()).isCloseTo((13.533333333333333 + 2000) / 51, within(EPS));
            assertThat(row.vruIndexEb()).isCloseTo(39.48104575, within(1e-6));
        }

        @Test
        void shouldGiveThePriorItselfWhenNoRoadUserWasCounted() {
            // m = 0 -> w = 0 -> x_eb = p
            SafetyIndexRow row = calculator.compute(features(0, 0, 0, 0, 0, 0, 0), constants,
                    Optional.of(new EbPrior(20, 30, 24, 3)));

            assertThat(row.vruIndexEb()).isEqualTo(20.0);
            assertThat(row.vehicleIndexEb()).isEqualTo(30.0);
            assertThat(row.combinedIndexEb()).isEqualTo(24.0);
        }

        @Test
        void shouldWeighByExposureWithConfiguredK() {
            // w = m / (m + k): 50 / (50 + 50) = 0.5; 150 / (150 + 50) = 0.75; with k = 10: 50 / 60
            assertThat(calculator.ebWeight(50)).isEqualTo(0.5);
            assertThat(calculator.ebWeight(150)).isEqualTo(0.75);
            assertThat(new SafetyIndexCalculator(10).ebWeight(50)).isCloseTo(50.0 / 60, within(EPS));
        }
    }

    @Test
    void shouldRejectANonPositiveK() {
        assertThatThrownBy(() -> new SafetyIndexCalculator(0)).hasMessageContaining("EB k must be finite and > 0, was 0.0");
    }

    @Test
    void shouldRejectWeightsThatDoNotSumToOne() {
        assertThatThrownBy(() -> new IndexWeights(0.4, 0.2, 0.2, 0.3, 0.3, 0.3, 0.2, 0.2, 0.6, 0.4))
                .hasMessageContaining("vru weights must sum to 1");
    }

    @Test
    void shouldClassifyRiskLevelsAtTheirBoundaries() {
        assertThat(RiskLevel.of(59.999)).isEqualTo(RiskLevel.LOW);
        assertThat(RiskLevel.of(60.0)).isEqualTo(RiskLevel.MEDIUM);
        assertThat(RiskLevel.of(75.0)).isEqualTo(RiskLevel.MEDIUM);
        assertThat(RiskLevel.of(75.001)).isEqualTo(RiskLevel.HIGH);
        assertThat(RiskLevel.HIGH.label()).isEqualTo("high");
    }
}
