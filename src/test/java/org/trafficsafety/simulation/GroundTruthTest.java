package org.trafficsafety.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.geometry.LocalFrame;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.Psm;

/**
 * Every ground-truth conflict must be a near-miss by the design's measures. Checked independently of
 * {@link ConflictJudge}: noise-free messages every 100 ms carry the exact states, and this test re-measures TTC (by
 * sampling the shapes' outlines) and PET (by brute force over all sample pairs) from them.
 */
class GroundTruthTest {

    private static final Instant START = Instant.parse("2026-11-24T17:00:00Z");
    private static final Intersection INTERSECTION = Intersection.seeded().get(2);
    private static final List<GroundTruthConflict> CONFLICTS = new ArrayList<>();
    private static final Map<Long, TreeMap<Long, State>> TRACKS = new HashMap<>();

    private record State(double x, double y, double theta, double speed, double yawRate, double length, double width, boolean vru) {
    }

    @BeforeAll
    static void simulate() {
        SimulationConfig d = SimulationConfig.defaults();
        SimulationConfig config = d.withIntersections(List.of(INTERSECTION))
                .withDemand(d.demand().withProfile(DemandProfile.flat(1.0)))
                .withNoise(SimulationConfig.Noise.none())
                .withRisk(new SimulationConfig.Risk(0.15, 0.6, 20, 20, 0.1))
                .withMessaging(new SimulationConfig.Messaging(100, 100, 1000, 60_000, 0, "simulator"));
        LocalFrame frame = new LocalFrame(INTERSECTION.latitude(), INTERSECTION.longitude());
        new TrafficSimulator(config).run(START, START.plusSeconds(1800), new SimulationListener() {
            @Override
            public void onMessage(Message message) {
                if (message instanceof Bsm b) {
                    track(b.id()).put(b.eventTimeMs(), new State(frame.east(b.longitude()), frame.north(b.latitude()),
                            Math.toRadians(90 - b.headingDeg()), b.speedMps(), -Math.toRadians(b.yawRateDegS()), b.lengthM(), b.widthM(), false));
                } else if (message instanceof Psm p) {
                    track(p.id()).put(p.eventTimeMs(), new State(frame.east(p.longitude()), frame.north(p.latitude()),
                            Math.toRadians(90 - p.headingDeg()), p.speedMps(), 0, 0, 0, true));
                }
            }

            @Override
            public void onGroundTruth(GroundTruthConflict conflict) {
                CONFLICTS.add(conflict);
            }
        });
    }

    private static TreeMap<Long, State> track(long id) {
        return TRACKS.computeIfAbsent(id, k -> new TreeMap<>());
    }

    @Test
    void shouldLogConflictsOfEveryInjectedKind() {
        Map<RiskyBehaviour, Integer> byKind = new EnumMap<>(RiskyBehaviour.class);
        CONFLICTS.forEach(c -> byKind.merge(c.kind(), 1, Integer::sum));

        assertThat(byKind).containsKeys(RiskyBehaviour.RED_LIGHT_RUNNING, RiskyBehaviour.TURN_VS_PEDESTRIAN,
                RiskyBehaviour.HARD_BRAKING, RiskyBehaviour.TAILGATING);
        assertThat(CONFLICTS).allMatch(c -> c.startMs() <= c.timeMs() && c.timeMs() <= c.endMs());
    }

    @Test
    void shouldOnlyLogPairsWhoseTimeToCollisionReallyWasBelowTheThreshold() {
        List<GroundTruthConflict> byTtc = CONFLICTS.stream().filter(c -> !Double.isNaN(c.minTtcS())).toList();
        assertThat(byTtc).hasSizeGreaterThan(5);
        for (GroundTruthConflict c : byTtc) {
            State a = TRACKS.get(c.firstId()).get(c.timeMs());
            State b = TRACKS.get(c.secondId()).get(c.timeMs());
            double limit = c.involvesVru() ? 3.0 : 1.5;
            double ttc = timeToCollision(a, b, limit);
            assertThat(ttc).as("TTC of %s", c).isLessThanOrEqualTo(limit).isCloseTo(c.minTtcS(), org.assertj.core.data.Offset.offset(0.11));
            assertThat(c.minTtcS()).isLessThanOrEqualTo(limit);
        }
    }

    @Test
    void shouldOnlyLogPairsWhosePostEncroachmentTimeReallyWasBelowTheThreshold() {
        List<GroundTruthConflict> byPet = CONFLICTS.stream().filter(c -> !Double.isNaN(c.minPetS())).toList();
        assertThat(byPet).hasSizeGreaterThan(5);
        for (GroundTruthConflict c : byPet) {
            double pet = postEncroachmentTime(TRACKS.get(c.firstId()), TRACKS.get(c.secondId()), c.startMs() - 2_000, c.endMs());
            double limit = c.involvesVru() ? 2.0 : 1.0;
            assertThat(pet).as("PET of %s", c).isLessThanOrEqualTo(limit).isLessThanOrEqualTo(c.minPetS() + 0.11);
        }
    }

    /** Constant speed and turn rate (VRUs straight), 0.1 s steps; shapes overlap when a sampled outline point is inside the other. */
    private static double timeToCollision(State a, State b, double horizon) {
        for (int k = 0; k <= Math.round(horizon * 10); k++) {
            double t = k / 10.0;
            if (overlap(predict(a, t), predict(b, t))) {
                return t;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private static State predict(State s, double t) {
        double w = s.vru() ? 0 : Math.max(-0.8, Math.min(0.8, s.yawRate()));
        double theta = s.theta() + w * t;
        double x = s.x();
        double y = s.y();
        int n = 20;
        for (int i = 0; i < n; i++) {
            double th = s.theta() + w * t * (i + 0.5) / n;
            x += s.speed() * Math.cos(th) * t / n;
            y += s.speed() * Math.sin(th) * t / n;
        }
        return new State(x, y, theta, s.speed(), s.yawRate(), s.length(), s.width(), s.vru());
    }

    private static boolean overlap(State a, State b) {
        if (a.vru() || b.vru()) {
            State car = a.vru() ? b : a;
            State person = a.vru() ? a : b;
            for (double[] p : outline(car)) {
                if (Math.hypot(p[0] - person.x(), p[1] - person.y()) <= 0.5) {
                    return true;
                }
            }
            return inside(car, person.x(), person.y());
        }
        for (double[] p : outline(a)) {
            if (inside(b, p[0], p[1])) {
                return true;
            }
        }
        for (double[] p : outline(b)) {
            if (inside(a, p[0], p[1])) {
                return true;
            }
        }
        return false;
    }

    private static List<double[]> outline(State s) {
        List<double[]> points = new ArrayList<>();
        double c = Math.cos(s.theta());
        double sn = Math.sin(s.theta());
        int n = 40;
        for (int i = 0; i < n; i++) {
            double u = (double) i / n;
            double[][] local = {
                    {-s.length() / 2 + u * s.length(), -s.width() / 2}, {-s.length() / 2 + u * s.length(), s.width() / 2},
                    {-s.length() / 2, -s.width() / 2 + u * s.width()}, {s.length() / 2, -s.width() / 2 + u * s.width()}};
            for (double[] p : local) {
                points.add(new double[] {s.x() + p[0] * c - p[1] * sn, s.y() + p[0] * sn + p[1] * c});
            }
        }
        return points;
    }

    private static boolean inside(State s, double px, double py) {
        double dx = px - s.x();
        double dy = py - s.y();
        double lon = dx * Math.cos(s.theta()) + dy * Math.sin(s.theta());
        double lat = -dx * Math.sin(s.theta()) + dy * Math.cos(s.theta());
        return Math.abs(lon) <= s.length() / 2 + 1e-9 && Math.abs(lat) <= s.width() / 2 + 1e-9;
    }

    /** Smallest time gap between the two bodies (half-length discs, 0.5 m for VRUs) covering a common point, headings >= 30° apart. */
    private static double postEncroachmentTime(TreeMap<Long, State> a, TreeMap<Long, State> b, long from, long to) {
        double best = Double.POSITIVE_INFINITY;
        for (Map.Entry<Long, State> ea : a.subMap(from, true, to, true).entrySet()) {
            State sa = ea.getValue();
            for (Map.Entry<Long, State> eb : b.subMap(ea.getKey() - 2_000, true, ea.getKey() + 2_000, true).entrySet()) {
                State sb = eb.getValue();
                double ra = sa.vru() ? 0.5 : sa.length() / 2;
                double rb = sb.vru() ? 0.5 : sb.length() / 2;
                double diff = Math.abs(Math.toDegrees(Math.atan2(Math.sin(sa.theta() - sb.theta()), Math.cos(sa.theta() - sb.theta()))));
                if (diff >= 30 && Math.hypot(sa.x() - sb.x(), sa.y() - sb.y()) <= ra + rb) {
                    best = Math.min(best, Math.abs(ea.getKey() - eb.getKey()) / 1000.0);
                }
            }
        }
        return best;
    }
}
