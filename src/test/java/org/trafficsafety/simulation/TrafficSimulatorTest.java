package org.trafficsafety.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.geometry.LocalFrame;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.Psm;

class TrafficSimulatorTest {

    private static final Instant PEAK = Instant.parse("2026-11-24T08:00:00Z");

    private static List<Object> record(SimulationConfig config, Instant from, Instant to) {
        List<Object> out = new ArrayList<>();
        new TrafficSimulator(config).run(from, to, new SimulationListener() {
            @Override
            public void onMessage(Message message) {
                out.add(message);
            }

            @Override
            public void onGroundTruth(GroundTruthConflict conflict) {
                out.add(conflict);
            }
        });
        return out;
    }

    @Test
    void shouldProduceTheSameMessagesAndGroundTruthForTheSameSeed() {
        SimulationConfig config = SimulationConfig.defaults().withIntersections(List.of(Intersection.seeded().get(0)));
        List<Object> first = record(config, PEAK, PEAK.plusSeconds(300));
        List<Object> second = record(config, PEAK, PEAK.plusSeconds(300));
        List<Object> otherSeed = record(config.withSeed(2), PEAK, PEAK.plusSeconds(300));

        assertThat(first).hasSizeGreaterThan(1000);
        // records compare component-wise; doubles by their bits, so this is value identity of every field
        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void shouldReportPassingsInSeparateLanesAndOnSidewalksWithoutClearConflictsBetweenLanes() {
        SimulationConfig config = SimulationConfig.defaults().withIntersections(List.of(Intersection.seeded().get(0)));
        List<BenignPassing> passings = new ArrayList<>();
        List<GroundTruthConflict> conflicts = new ArrayList<>();
        new TrafficSimulator(config).run(PEAK, PEAK.plusSeconds(600), new SimulationListener() {
            @Override
            public void onMessage(Message message) {
            }

            @Override
            public void onGroundTruth(GroundTruthConflict conflict) {
                conflicts.add(conflict);
            }

            @Override
            public void onPassing(BenignPassing passing) {
                passings.add(passing);
            }
        });

        List<BenignPassing> lanes = passings.stream()
                .filter(p -> p.situation() == BenignPassing.Situation.VEHICLES_IN_SEPARATE_LANES).toList();
        List<BenignPassing> sidewalks = passings.stream()
                .filter(p -> p.situation() == BenignPassing.Situation.PEDESTRIAN_ON_SIDEWALK
                        || p.situation() == BenignPassing.Situation.CYCLIST_ON_SIDEWALK).toList();
        assertThat(lanes).hasSizeGreaterThan(100)
                .allMatch(p -> !p.firstKind().isVru() && !p.secondKind().isVru() && Long.compareUnsigned(p.firstId(), p.secondId()) < 0);
        assertThat(sidewalks).hasSizeGreaterThan(10).allMatch(p -> !p.firstKind().isVru() && p.secondKind().isVru());
        assertThat(passings).allMatch(p -> p.startMs() >= PEAK.toEpochMilli() && p.endMs() < PEAK.plusSeconds(600).toEpochMilli());
        // the exact measures find no clear conflict between vehicles that keep to separate lanes
        assertThat(conflicts).isNotEmpty().noneMatch(c -> c.grade() == GroundTruthConflict.Grade.CLEAR && lanes.stream().anyMatch(
                p -> p.covers(c.intersectionId(), c.firstId(), c.firstKind(), c.secondId(), c.secondKind(), c.startMs(), c.endMs())));
    }

    @Test
    void shouldLetVrusBrakeAtMostThreeMetresPerSecondSquared() {
        // noise off and a PSM every step (100 ms): consecutive PSMs of a VRU show the speeds of consecutive steps
        SimulationConfig config = SimulationConfig.defaults().withIntersections(List.of(Intersection.seeded().get(0)))
                .withNoise(SimulationConfig.Noise.none())
                .withMessaging(new SimulationConfig.Messaging(500, 100, 1000, 60_000, 80, "simulator"));
        Map<Long, Double> lastSpeed = new java.util.HashMap<>();
        double[] hardestDrop = {0};
        int[] stopsFromRiding = {0};
        Map<Long, Double> fastest = new java.util.HashMap<>();
        new TrafficSimulator(config).run(PEAK, PEAK.plusSeconds(900), message -> {
            if (message instanceof Psm p) {
                Double before = lastSpeed.put(p.id(), p.speedMps());
                if (before != null) {
                    hardestDrop[0] = Math.max(hardestDrop[0], before - p.speedMps());
                }
                double top = fastest.merge(p.id(), p.speedMps(), Math::max);
                if (p.speedMps() == 0 && before != null && before > 0 && top > 3.4) {
                    stopsFromRiding[0]++;
                }
            }
        });

        assertThat(hardestDrop[0]).isLessThanOrEqualTo(3.0 * 0.1 + 1e-9);
        assertThat(stopsFromRiding[0]).as("cyclists that braked to a stop").isPositive();
    }

    @Test
    void shouldEmitMessagesInEventTimeOrderAtTheConfiguredRates() {
        SimulationConfig config = SimulationConfig.defaults().withIntersections(List.of(Intersection.seeded().get(1)));
        List<Object> out = record(config, PEAK, PEAK.plusSeconds(120));
        long last = Long.MIN_VALUE;
        Map<Long, Long> lastBsmOfVehicle = new java.util.HashMap<>();
        int spats = 0;
        int maps = 0;
        for (Object o : out) {
            if (o instanceof Message m) {
                assertThat(m.eventTimeMs()).isGreaterThanOrEqualTo(last);
                last = m.eventTimeMs();
                assertThat(m.receivedAtMs()).isEqualTo(m.eventTimeMs() + 80);
                switch (m) {
                    case Bsm b -> {
                        Long previous = lastBsmOfVehicle.put(b.id(), b.eventTimeMs());
                        if (previous != null) {
                            assertThat(b.eventTimeMs() - previous).isEqualTo(500);
                        }
                        assertThat(b.secMark()).isEqualTo((int) (b.eventTimeMs() % 60_000));
                    }
                    case org.trafficsafety.message.Spat s -> spats++;
                    case org.trafficsafety.message.MapData md -> maps++;
                    default -> {
                    }
                }
            }
        }
        assertThat(spats).isEqualTo(120);
        assertThat(maps).isEqualTo(2);
    }

    @Test
    void shouldKeepMessagesInsideTheZoneWithSaneValues() {
        SimulationConfig config = SimulationConfig.defaults();
        List<Object> out = record(config, PEAK, PEAK.plusSeconds(180));
        Map<Integer, Intersection> byId = new java.util.HashMap<>();
        config.intersections().forEach(i -> byId.put(i.id(), i));
        int checked = 0;
        for (Object o : out) {
            double lat;
            double lon;
            if (o instanceof Bsm b) {
                lat = b.latitude();
                lon = b.longitude();
                assertThat(b.speedMps()).isBetween(0.0, 25.0);
                assertThat(b.headingDeg()).isGreaterThanOrEqualTo(0.0).isLessThan(360.0);
                assertThat(b.accelLonMps2()).isBetween(-9.0, 4.0);
                assertThat(b.lengthM()).isBetween(4.0, 12.0);
                assertThat(b.msgCnt()).isBetween(0, 127);
                assertThat(b.id()).isBetween(0L, 0xFFFFFFFFL);
            } else if (o instanceof Psm p) {
                lat = p.latitude();
                lon = p.longitude();
                assertThat(p.speedMps()).isBetween(0.0, 6.0);
            } else {
                continue;
            }
            double nearest = Double.MAX_VALUE;
            for (Intersection in : byId.values()) {
                LocalFrame f = new LocalFrame(in.latitude(), in.longitude());
                nearest = Math.min(nearest, Math.hypot(f.east(lon), f.north(lat)));
            }
            assertThat(nearest).isLessThan(Intersection.DEFAULT_ZONE_RADIUS_M);
            checked++;
        }
        assertThat(checked).isGreaterThan(10_000);
    }
}
