package org.trafficsafety.tools;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.trafficsafety.analysis.AnalysisCounters;
import org.trafficsafety.analysis.AnalysisEngine;
import org.trafficsafety.analysis.AnalysisListener;
import org.trafficsafety.analysis.AnalysisSettings;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.SafetyIndexRow;
import org.trafficsafety.analysis.index.NormalizationConstants;
import org.trafficsafety.analysis.index.TrailingHistoryPrior;
import org.trafficsafety.analysis.zone.IntersectionRegistry;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.Psm;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tsi bench analysis}: messages per second through the whole analysis (assignment, re-ordering, tracks,
 * conflicts, features, indices) on one thread, over synthetic traffic at the seeded intersections. Each round
 * feeds the same pre-generated messages to a fresh engine; the first round only warms the JIT.
 */
@Command(name = "analysis", description = "Messages/s through assignment + tracks + conflicts + features on one core.")
public final class AnalysisBenchmark implements Callable<Integer> {

    private static final long START_MS = 1_795_507_200_000L;

    @Option(names = "--vehicles", defaultValue = "60", description = "Vehicles present per intersection (default ${DEFAULT-VALUE}).")
    int vehicles;

    @Option(names = "--vrus", defaultValue = "10", description = "VRUs present per intersection (default ${DEFAULT-VALUE}).")
    int vrus;

    @Option(names = "--hz", defaultValue = "10", description = "Reports per road user per second (default ${DEFAULT-VALUE}).")
    int hz;

    @Option(names = "--minutes", defaultValue = "5", description = "Minutes of traffic per round (default ${DEFAULT-VALUE}).")
    int minutes;

    @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds after one warm-up (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--seed", defaultValue = "1", description = "Traffic seed (default ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Intersection> intersections = Intersection.seeded();
        Message[] messages = new SyntheticTraffic(intersections, vehicles, vrus, hz, seed).generate(START_MS, minutes * 60_000L);
        out.printf("analysis benchmark: %d intersections x (%d vehicles + %d VRUs) at %d Hz, %d min = %,d messages, 1 thread%n",
                intersections.size(), vehicles, vrus, hz, minutes, messages.length);
        double[] engineRates = new double[rounds];
        double[] assignRates = new double[rounds];
        for (int round = -1; round < rounds; round++) {
            Counting listener = new Counting();
            long t0 = System.nanoTime();
            AnalysisEngine engine = new AnalysisEngine(intersections, AnalysisSettings.defaults(),
                    NormalizationConstants::defaults, new TrailingHistoryPrior(), listener, (i, g) -> { });
            for (Message m : messages) {
                engine.onMessage(m);
            }
            engine.flush();
            long engineNs = System.nanoTime() - t0;
            long assignNs = timeAssignment(intersections, messages);
            if (round >= 0) {
                engineRates[round] = messages.length / (engineNs / 1e9);
                assignRates[round] = messages.length / (assignNs / 1e9);
                AnalysisCounters c = engine.counters();
                out.printf("round %d: engine %,.0f msg/s (%.2f s), assignment alone %,.0f msg/s; rows %d, conflicts %d"
                        + " (vehicle-vehicle %d, vehicle-VRU %d), late %d, outside zones %d%n", round + 1,
                        engineRates[round], engineNs / 1e9, assignRates[round], listener.rows, c.conflicts(),
                        listener.vehicleEvents, listener.vruEvents, c.late(), c.outsideZones());
            }
        }
        out.printf("median: engine %,.0f msg/s, assignment alone %,.0f msg/s%n", median(engineRates), median(assignRates));
        out.flush();
        return 0;
    }

    private static long timeAssignment(List<Intersection> intersections, Message[] messages) {
        IntersectionRegistry registry = new IntersectionRegistry(intersections, java.util.Map.of(), 120, 10, (i, g) -> { });
        long t0 = System.nanoTime();
        long found = 0;
        for (Message m : messages) {
            boolean in = switch (m) {
                case Bsm b -> registry.findZone(b.latitude(), b.longitude(), b.source()).isPresent();
                case Psm p -> registry.findZone(p.latitude(), p.longitude(), p.source()).isPresent();
                default -> false;
            };
            found += in ? 1 : 0;
        }
        long ns = System.nanoTime() - t0;
        if (found != messages.length) {
            throw new IllegalStateException("synthetic traffic left the zones: " + found + " of " + messages.length + " assigned");
        }
        return ns;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Counts the output so the work cannot be optimized away. */
    private static final class Counting implements AnalysisListener {
        int rows;
        int vehicleEvents;
        int vruEvents;

        @Override
        public void onConflict(ConflictEvent event) {
            if (event.involvesVru()) {
                vruEvents++;
            } else {
                vehicleEvents++;
            }
        }

        @Override
        public void onMinute(SafetyIndexRow row) {
            rows++;
        }

        @Override
        public void onLate(Message message) {
            throw new IllegalStateException("synthetic traffic is never late, got " + message);
        }
    }
}
