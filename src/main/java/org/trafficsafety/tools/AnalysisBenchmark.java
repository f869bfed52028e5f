package org.trafficsafety.tools;

import com.sun.management.OperatingSystemMXBean;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * feeds the same pre-generated messages to a fresh engine; the first round only warms the JIT. Rates are per
 * CPU-second of the benchmark thread (what one core achieves, even when other processes share the machine);
 * the rate per CPU-second of the whole process (adding garbage collection and JIT threads) and the wall-clock
 * rate are printed beside it.
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
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] engineRates = new double[rounds];
        double[] engineCpuRates = new double[rounds];
        double[] engineProcessRates = new double[rounds];
        double[] assignRates = new double[rounds];
        for (int round = -1; round < rounds; round++) {
            Counting listener = new Counting();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long process0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            AnalysisEngine engine = new AnalysisEngine(intersections, AnalysisSettings.defaults(),
                    NormalizationConstants::defaults, new TrailingHistoryPrior(), listener, (i, g) -> { });
            for (Message m : messages) {
                engine.onMessage(m);
            }
            engine.flush();
            long engineNs = System.nanoTime() - t0;
            long engineCpuNs = threads.getCurrentThreadCpuTime() - cpu0;
            long engineProcessNs = os.getProcessCpuTime() - process0;
            long assignCpuNs = timeAssignment(intersections, messages, threads);
            if (round >= 0) {
                engineRates[round] = messages.length / (engineNs / 1e9);
                engineCpuRates[round] = messages.length / (engineCpuNs / 1e9);
                engineProcessRates[round] = messages.length / (engineProcessNs / 1e9);
                assignRates[round] = messages.length / (assignCpuNs / 1e9);
                AnalysisCounters c = engine.counters();
                out.printf("round %d: engine %,.0f msg/s per thread CPU-second (%.2f s), %,.0f per process CPU-second"
                        + " (%.2f s, with GC and JIT), %,.0f msg/s wall (%.2f s); assignment alone %,.0f msg/s per"
                        + " thread CPU-second; rows %d, conflicts %d (vehicle-vehicle %d, vehicle-VRU %d), late %d,"
                        + " outside zones %d%n", round + 1, engineCpuRates[round], engineCpuNs / 1e9,
                        engineProcessRates[round], engineProcessNs / 1e9, engineRates[round], engineNs / 1e9,
                        assignRates[round], listener.rows, c.conflicts(), listener.vehicleEvents, listener.vruEvents,
                        c.late(), c.outsideZones());
            }
        }
        out.printf("median: engine %,.0f msg/s per thread CPU-second, %,.0f per process CPU-second, %,.0f wall;"
                + " assignment alone %,.0f msg/s per thread CPU-second%n", median(engineCpuRates),
                median(engineProcessRates), median(engineRates), median(assignRates));
        out.flush();
        return 0;
    }

    /** CPU nanoseconds to assign every message. */
    private static long timeAssignment(List<Intersection> intersections, Message[] messages, ThreadMXBean threads) {
        IntersectionRegistry registry = new IntersectionRegistry(intersections, Map.of(), 120, 10, (i, g) -> { });
        long t0 = threads.getCurrentThreadCpuTime();
        long found = 0;
        for (Message m : messages) {
            boolean in = switch (m) {
                case Bsm b -> registry.findZone(b.latitude(), b.longitude(), b.source()).isPresent();
                case Psm p -> registry.findZone(p.latitude(), p.longitude(), p.source()).isPresent();
                default -> false;
            };
            found += in ? 1 : 0;
        }
        long ns = threads.getCurrentThreadCpuTime() - t0;
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
