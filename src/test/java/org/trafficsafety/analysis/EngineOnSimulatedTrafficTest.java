package org.trafficsafety.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trafficsafety.analysis.geometry.LocalFrame;
import org.trafficsafety.analysis.index.NormalizationConstants;
import org.trafficsafety.analysis.index.TrailingHistoryPrior;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.Psm;
import org.trafficsafety.simulation.SimulationConfig;
import org.trafficsafety.simulation.SimulationListener;
import org.trafficsafety.simulation.TrafficSimulator;

/**
 * Three simulated minutes at the four seeded intersections (with GPS noise) through the engine, checked against a
 * brute-force recomputation of the volume and speed features straight from the messages: nearest reference point
 * within 120 m, distinct ids per minute, mean of per-vehicle mean speeds, sample standard deviation.
 */
class EngineOnSimulatedTrafficTest {

    private static final long START = Instant.parse("2026-11-24T17:00:00Z").toEpochMilli();

    @Test
    void shouldMatchABruteForceRecomputationOfTheFeatures() {
        List<Message> messages = new ArrayList<>();
        new TrafficSimulator(SimulationConfig.defaults()).run(Instant.ofEpochMilli(START), Instant.ofEpochMilli(START + 180_000),
                new SimulationListener() {
                    @Override
                    public void onMessage(Message message) {
                        messages.add(message);
                    }
                });
        RecordingListener out = new RecordingListener();
        AnalysisEngine engine = new AnalysisEngine(Intersection.seeded(), AnalysisSettings.defaults(),
                NormalizationConstants::defaults, new TrailingHistoryPrior(), out, (i, g) -> { });
        messages.forEach(engine::onMessage);
        engine.flush();

        Map<String, Expected> expected = bruteForce(messages);

        assertThat(out.late).isEmpty();
        assertThat(out.rows).hasSize(expected.size()).hasSizeGreaterThanOrEqualTo(12);
        for (SafetyIndexRow row : out.rows) {
            Expected e = expected.get(row.intersectionId() + "@" + row.minuteStartMs());
            MinuteFeatures f = row.features();
            assertThat(f.trafficVolume()).as("volume %s", row).isEqualTo(e.vehicles.size());
            assertThat(f.vruCount()).as("VRUs %s", row).isEqualTo(e.vrus.size());
            assertThat(f.avgSpeedMps()).as("avg speed %s", row).isCloseTo(e.avgSpeed(), within(1e-9));
            assertThat(f.speedStdMps()).as("speed std %s", row).isCloseTo(e.speedStd(), within(1e-9));
        }
    }

    private static Map<String, Expected> bruteForce(List<Message> messages) {
        Map<String, Expected> byMinute = new HashMap<>();
        for (Message m : messages) {
            double lat;
            double lon;
            if (m instanceof Bsm b) {
                lat = b.latitude();
                lon = b.longitude();
            } else if (m instanceof Psm p) {
                lat = p.latitude();
                lon = p.longitude();
            } else {
                continue;
            }
            Intersection nearest = null;
            double best = Double.POSITIVE_INFINITY;
            for (Intersection i : Intersection.seeded()) {
                LocalFrame f = new LocalFrame(i.latitude(), i.longitude());
                double d = Math.hypot(f.east(lon), f.north(lat));
                if (d <= i.zoneRadiusM() && d < best) {
                    best = d;
                    nearest = i;
                }
            }
            if (nearest == null) {
                continue;
            }
            long minute = Math.floorDiv(m.eventTimeMs(), 60_000L) * 60_000L;
            Expected e = byMinute.computeIfAbsent(nearest.id() + "@" + minute, k -> new Expected());
            if (m instanceof Bsm b) {
                e.vehicles.add(b.id());
                if (!Double.isNaN(b.speedMps())) {
                    e.speeds.computeIfAbsent(b.id(), id -> new ArrayList<>()).add(b.speedMps());
                }
            } else {
                e.vrus.add(((Psm) m).id());
            }
        }
        return byMinute;
    }

    private static final class Expected {
        final Set<Long> vehicles = new HashSet<>();
        final Set<Long> vrus = new HashSet<>();
        final Map<Long, List<Double>> speeds = new HashMap<>();

        double[] means() {
            return speeds.values().stream().mapToDouble(s -> s.stream().mapToDouble(Double::doubleValue).sum() / s.size()).toArray();
        }

        double avgSpeed() {
            double[] m = means();
            return m.length == 0 ? 0 : java.util.Arrays.stream(m).sum() / m.length;
        }

        double speedStd() {
            double[] m = means();
            if (m.length < 2) {
                return 0;
            }
            double mean = avgSpeed();
            return Math.sqrt(java.util.Arrays.stream(m).map(x -> (x - mean) * (x - mean)).sum() / (m.length - 1));
        }
    }
}
