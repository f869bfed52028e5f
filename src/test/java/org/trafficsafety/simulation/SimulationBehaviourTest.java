package org.trafficsafety.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.Message;

/** What a traffic engineer would check first: compliance, demand, and that quiet traffic stays quiet. */
class SimulationBehaviourTest {

    private static final Instant PEAK = Instant.parse("2026-11-24T08:00:00Z");

    private static SimulationConfig oneIntersection() {
        SimulationConfig d = SimulationConfig.defaults();
        return d.withIntersections(List.of(Intersection.seeded().get(0)))
                .withDemand(d.demand().withProfile(DemandProfile.flat(1.0)));
    }

    private static SimulationConfig.Risk risk(double redLight) {
        return new SimulationConfig.Risk(redLight, 0, 0, 0, 0);
    }

    @Test
    void shouldStopOnRedWhenNobodyIsToldToRunIt() {
        SimulationStats stats = new TrafficSimulator(oneIntersection().withRisk(SimulationConfig.Risk.none()))
                .run(PEAK, PEAK.plusSeconds(3600), m -> { });

        assertThat(stats.redLightEligible()).as("vehicles that met a red with no queue ahead").isGreaterThan(100);
        assertThat(stats.redLightCrossings()).isZero();
        assertThat(stats.vehicles()).isGreaterThan(1850);
    }

    @Test
    void shouldRunRedLightsAtTheConfiguredShare() {
        SimulationStats stats = new TrafficSimulator(oneIntersection().withRisk(risk(0.2)))
                .run(PEAK, PEAK.plusSeconds(3600), m -> { });

        double share = (double) stats.redLightCrossings() / stats.redLightEligible();
        // binomial: about 150 draws at p = 0.2 give a standard deviation of 0.033; 0.08 is about 2.5 sigma
        assertThat(share).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.08));
        assertThat(stats.redLightCrossings()).isEqualTo(stats.redLightRuns());
    }

    @Test
    void shouldFollowTheDemandProfileHourByHour() {
        double[] factors = new double[24];
        factors[8] = 1.0;
        factors[9] = 0.25;
        SimulationConfig base = oneIntersection();
        SimulationConfig config = base.withDemand(base.demand().withProfile(new DemandProfile(factors))).withRisk(SimulationConfig.Risk.none());
        Set<Long> seen = new HashSet<>();
        int[] newVehiclesByHour = new int[24];
        new TrafficSimulator(config).run(PEAK, PEAK.plusSeconds(2 * 3600), m -> {
            if (m instanceof Bsm b && seen.add(b.id())) {
                newVehiclesByHour[(int) ((b.eventTimeMs() / 3_600_000L) % 24)]++;
            }
        });

        // 2 x 600 + 2 x 400 = 2000 vehicles per peak hour; Poisson, so +-5 % is about 2 sigma
        assertThat(newVehiclesByHour[8]).isBetween(1900, 2100);
        assertThat((double) newVehiclesByHour[9] / newVehiclesByHour[8]).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.04));
    }

    @Test
    void shouldProduceHardlyAnyNearMissWithoutRiskyBehaviour() {
        List<GroundTruthConflict> conflicts = new ArrayList<>();
        SimulationConfig config = oneIntersection().withRisk(SimulationConfig.Risk.none());
        new TrafficSimulator(config).run(PEAK, PEAK.plusSeconds(3600), new SimulationListener() {
            @Override
            public void onMessage(Message message) {
            }

            @Override
            public void onGroundTruth(GroundTruthConflict conflict) {
                conflicts.add(conflict);
            }
        });

        // measured: 1-3 per intersection-hour at a flat peak, all vehicle-VRU TTC of a right turn's constant-turn-rate
        // prediction reaching a pedestrian on the receiving sidewalk (docs/simulator.md)
        assertThat(conflicts).hasSizeLessThanOrEqualTo(5);
        assertThat(conflicts).allMatch(c -> c.kind() == RiskyBehaviour.UNPLANNED);
        assertThat(conflicts).allMatch(GroundTruthConflict::involvesVru);
    }

    @Test
    void shouldCountRiskyBehaviourInTheStatistics() {
        Map<RiskyBehaviour, Long> injected = new HashMap<>(new TrafficSimulator(oneIntersection())
                .run(PEAK, PEAK.plusSeconds(1800), m -> { }).injected());

        assertThat(injected.get(RiskyBehaviour.HARD_BRAKING)).isPositive();
        assertThat(injected.get(RiskyBehaviour.TAILGATING)).isPositive();
        assertThat(injected.get(RiskyBehaviour.TURN_VS_PEDESTRIAN)).isPositive();
        assertThat(injected.get(RiskyBehaviour.UNPLANNED)).isZero();
    }
}
