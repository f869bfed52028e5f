package org.trafficsafety.analysis.conflict;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.ConflictType;
import org.trafficsafety.analysis.RoadUserKind;
import org.trafficsafety.analysis.geometry.LocalFrame;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A named plausibility scenario from {@code src/test/resources/scenarios}: road users moving by simple motion
 * primitives (constant acceleration and yaw rate for a duration), sampled at a given rate, optionally with seeded
 * white GPS noise (and 0.1 m/s speed, 2 deg heading errors), plus the expected conflicts.
 *
 * <p>File format: {@code {"description", "users": [{"id", "kind", "lengthM"?, "widthM"?, "startS"?,
 * "east", "north", "headingDeg", "speedMps", "moves": [{"forS", "accelMps2"?, "yawRateDegS"?}]}],
 * "expected": [{"first", "second", "type"}]}}.
 */
record Scenario(String name, String description, List<User> users, List<Expected> expected) {

    /** With GPS noise, reported speed and heading get the simulator's default errors too. */
    static final double SPEED_NOISE_MPS = 0.1;
    static final double HEADING_NOISE_DEG = 2.0;
    static final LocalFrame FRAME = new LocalFrame(38.928411, -77.241071);

    record Move(double forS, double accelMps2, double yawRateDegS) {
    }

    record User(long id, RoadUserKind kind, double lengthM, double widthM, double startS,
                double east, double north, double headingDeg, double speedMps, List<Move> moves) {
    }

    /** An expected event: the pair in canonical order and its type. */
    record Expected(long first, long second, ConflictType type) {
    }

    static Scenario load(String name) {
        try (InputStream in = Scenario.class.getResourceAsStream("/scenarios/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no scenario " + name);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<User> users = new ArrayList<>();
            for (JsonNode u : root.get("users")) {
                List<Move> moves = new ArrayList<>();
                for (JsonNode m : u.get("moves")) {
                    moves.add(new Move(m.get("forS").asDouble(), m.path("accelMps2").asDouble(0),
                            m.path("yawRateDegS").asDouble(0)));
                }
                users.add(new User(u.get("id").asLong(), RoadUserKind.valueOf(u.get("kind").asString().toUpperCase()),
                        u.path("lengthM").asDouble(Double.NaN), u.path("widthM").asDouble(Double.NaN),
                        u.path("startS").asDouble(0), u.get("east").asDouble(), u.get("north").asDouble(),
                        u.get("headingDeg").asDouble(), u.get("speedMps").asDouble(), moves));
            }
            List<Expected> expected = new ArrayList<>();
            for (JsonNode e : root.get("expected")) {
                expected.add(new Expected(e.get("first").asLong(), e.get("second").asLong(),
                        ConflictType.valueOf(e.get("type").asString().toUpperCase())));
            }
            return new Scenario(name, root.get("description").asString(), users, expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All users' samples at rateHz in time order; each user's clock is offset by a fraction of the period, as real devices are. */
    List<RoadUserObservation> observations(double noiseM, long seed, double rateHz) {
        Random random = new Random(seed);
        boolean noisy = noiseM > 0;
        List<RoadUserObservation> all = new ArrayList<>();
        long periodMs = Math.round(1000.0 / rateHz);
        long t0 = 1_700_000_000_000L;
        for (int k = 0; k < users.size(); k++) {
            User u = users.get(k);
            double x = u.east();
            double y = u.north();
            double h = u.headingDeg();
            double v = u.speedMps();
            long offset = (k * 37L) % periodMs;
            double t = u.startS() + offset / 1000.0;
            double dt = 0.01;
            double nextSample = t;
            for (Move m : u.moves()) {
                for (double left = m.forS(); left > 1e-9; left -= dt) {
                    if (t >= nextSample - 1e-9) {
                        all.add(new RoadUserObservation(u.id(), u.kind(), t0 + Math.round(t * 1000),
                                x + noiseM * random.nextGaussian(), y + noiseM * random.nextGaussian(),
                                noisy ? Math.max(0, v + SPEED_NOISE_MPS * random.nextGaussian()) : v,
                                (((h + (noisy ? HEADING_NOISE_DEG * random.nextGaussian() : 0)) % 360) + 360) % 360,
                                Double.NaN, u.kind().isVru() ? Double.NaN : m.accelMps2(), u.lengthM(), u.widthM()));
                        nextSample += periodMs / 1000.0;
                    }
                    x += v * dt * Math.sin(Math.toRadians(h));
                    y += v * dt * Math.cos(Math.toRadians(h));
                    h += m.yawRateDegS() * dt;
                    v = Math.max(0, v + m.accelMps2() * dt);
                    t += dt;
                }
            }
        }
        all.sort(Comparator.comparingLong(RoadUserObservation::timeMs));
        return all;
    }

    /** Runs the detector over the scenario and returns its events. */
    List<ConflictEvent> detect(ConflictParameters parameters, double noiseM, long seed, double rateHz) {
        ConflictDetector detector = new ConflictDetector(1, FRAME, parameters);
        List<ConflictEvent> events = new ArrayList<>();
        for (RoadUserObservation o : observations(noiseM, seed, rateHz)) {
            detector.observe(o, events::add);
        }
        detector.flush(events::add);
        return events;
    }
}
