package org.trafficsafety.tools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.trafficsafety.analysis.RoadUserKind;
import org.trafficsafety.analysis.conflict.ConflictDetector;
import org.trafficsafety.analysis.conflict.ConflictParameters;
import org.trafficsafety.analysis.conflict.RoadUserObservation;
import org.trafficsafety.analysis.geometry.LocalFrame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tsi bench conflicts}: observations per second through one intersection's {@link ConflictDetector} at a
 * realistic density. Synthetic, seeded traffic: moving vehicles crossing the intersection in both directions of
 * both streets, a standing queue per approach, VRUs walking the sidewalks and crosswalks, all with 1.5 m GPS noise
 * and 2 deg heading noise. Observations are generated first; only the detector is timed.
 */
@Command(name = "conflicts", mixinStandardHelpOptions = true,
        description = "Throughput of conflict detection (tracks, TTC, PET) at one busy intersection.")
public final class ConflictBenchmark implements Callable<Integer> {

    private static final double ZONE_M = 120;

    @Option(names = "--vehicles", defaultValue = "60", description = "Vehicles present at any time (default ${DEFAULT-VALUE}).")
    int vehicles;

    @Option(names = "--vrus", defaultValue = "10", description = "VRUs present at any time (default ${DEFAULT-VALUE}).")
    int vrus;

    @Option(names = "--rate-hz", defaultValue = "2", description = "Messages per user per second (default ${DEFAULT-VALUE}).")
    double rateHz;

    @Option(names = "--seconds", defaultValue = "600", description = "Simulated seconds (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--rounds", defaultValue = "5", description = "Timed rounds after one warm-up (default ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() {
        List<RoadUserObservation> observations = traffic(vehicles, vrus, rateHz, seconds, new Random(1));
        System.out.printf("conflict detection: %d vehicles + %d VRUs at %.0f Hz, %d s, %,d observations%n",
                vehicles, vrus, rateHz, seconds, observations.size());
        long events = runOnce(observations);
        double best = 0;
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            runOnce(observations);
            double perSecond = observations.size() / ((System.nanoTime() - start) / 1e9);
            best = Math.max(best, perSecond);
            System.out.printf("round %d: %,.0f observations/s%n", r + 1, perSecond);
        }
        System.out.printf("best: %,.0f observations/s (%d events per run)%n", best, events);
        return 0;
    }

    private static long runOnce(List<RoadUserObservation> observations) {
        ConflictDetector detector = new ConflictDetector(1, new LocalFrame(38.928411, -77.241071), ConflictParameters.defaults());
        long[] count = new long[1];
        for (RoadUserObservation o : observations) {
            detector.observe(o, e -> count[0]++);
        }
        detector.flush(e -> count[0]++);
        return count[0];
    }

    /**
     * Traffic with a constant number of users: each moving vehicle drives a north–south through lane from the
     * zone edge across; when it leaves, a new one (new id) enters. A quarter of the vehicles stand in the
     * east–west queues.
     */
    static List<RoadUserObservation> traffic(int vehicles, int vrus, double rateHz, int seconds, Random random) {
        List<Mover> movers = new ArrayList<>();
        long nextId = 1_000;
        int standing = vehicles / 4;
        for (int i = 0; i < vehicles + vrus; i++) {
            boolean vru = i >= vehicles;
            Mover m = new Mover(nextId++, vru ? RoadUserKind.PEDESTRIAN : RoadUserKind.VEHICLE);
            m.place(random, i < standing, i % 8, random.nextDouble());
            movers.add(m);
        }
        List<RoadUserObservation> out = new ArrayList<>();
        long periodMs = Math.round(1000 / rateHz);
        long t0 = 1_772_000_000_000L;
        for (long t = 0; t < seconds * 1000L; t += 100) {
            for (int i = 0; i < movers.size(); i++) {
                Mover m = movers.get(i);
                m.step(0.1);
                if (Math.hypot(m.east, m.north) > ZONE_M) {
                    Mover fresh = new Mover(nextId++, m.kind);
                    fresh.place(random, false, i % 8, 0);
                    movers.set(i, fresh);
                    m = fresh;
                }
                if ((t + i * 37L) % periodMs < 100) {
                    out.add(new RoadUserObservation(m.id, m.kind, t0 + t + (i * 37L) % 100,
                            m.east + 1.5 * random.nextGaussian(), m.north + 1.5 * random.nextGaussian(),
                            m.speed, (m.heading + 2 * random.nextGaussian() + 360) % 360, Double.NaN, Double.NaN, 4.8, 1.9));
                }
            }
        }
        out.sort(Comparator.comparingLong(RoadUserObservation::timeMs));
        return out;
    }

    /** One synthetic road user moving straight at constant speed. */
    private static final class Mover {
        final long id;
        final RoadUserKind kind;
        double east;
        double north;
        double heading;
        double speed;

        Mover(long id, RoadUserKind kind) {
            this.id = id;
            this.kind = kind;
        }

        /**
         * Lane 0..7 of a green phase: northbound and southbound vehicles move (inner and outer lane), eastbound and
         * westbound ones stand in queues; VRUs walk the sidewalks.
         */
        void place(Random random, boolean queued, int lane, double progress) {
            double offset = kind.isVru() ? 13 : queued ? 9.15 : lane % 2 == 0 ? 1.83 : 5.49;
            int direction = queued ? lane / 2 % 2 * 2 : lane / 2 % 2 * 2 + 1;
            heading = direction * 90.0 + (direction % 2 == 0 ? 0 : 180) + 90;
            heading %= 360;
            double along = -ZONE_M + (queued ? 80 + random.nextDouble() * 25 : progress * 2 * ZONE_M * 0.9);
            speed = queued ? 0 : kind.isVru() ? 1.2 + random.nextDouble() * 0.4 : 10 + lane % 4;
            double h = Math.toRadians(heading);
            east = along * Math.sin(h) + offset * Math.cos(h);
            north = along * Math.cos(h) - offset * Math.sin(h);
        }

        void step(double dtS) {
            double h = Math.toRadians(heading);
            east += speed * dtS * Math.sin(h);
            north += speed * dtS * Math.cos(h);
        }
    }
}
