package org.trafficsafety.tools;

import com.sun.management.OperatingSystemMXBean;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
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
import org.trafficsafety.simulation.DemandProfile;
import org.trafficsafety.simulation.SimulationConfig;
import org.trafficsafety.simulation.SimulationListener;
import org.trafficsafety.simulation.TrafficSimulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tsi bench analysis}: messages per second through the whole analysis (assignment, re-ordering, tracks,
 * conflicts, features, indices) on one thread, over simulated (or synthetic) traffic at the seeded intersections. Each round
 * feeds the same pre-generated messages to a fresh engine; the first round only warms the JIT. Rates are per
 * CPU-second of the benchmark thread (what one core achieves, even when other processes share the machine);
 * the rate per CPU-second of the whole process (adding garbage collection and JIT threads) and the wall-clock
 * rate are printed beside it.
 */
@Command(mixinStandardHelpOptions = true, name = "analysis", description = "Messages/s through assignment + tracks + conflicts + features on one core.")
public final class AnalysisBenchmark implements Callable<Integer> {

    private static final long START_MS = 1_795_507_200_000L;

    /** Where the load comes from. */
    enum Traffic { simulator, synthetic }

    @Option(names = "--traffic", defaultValue = "simulator", description = "simulator (TrafficSimulator, demand set for"
            + " about 60 vehicles and 10 VRUs present, 1.5 m GPS noise) or synthetic (SyntheticTraffic, --vehicles/--vrus"
            + " present). Default ${DEFAULT-VALUE}.")
    Traffic traffic;

    @Option(names = "--vehicles", defaultValue = "60", description = "Synthetic: vehicles present per intersection (default ${DEFAULT-VALUE}).")
    int vehicles;

    @Option(names = "--vrus", defaultValue = "10", description = "Synthetic: VRUs present per intersection (default ${DEFAULT-VALUE}).")
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
        Message[] messages = traffic == Traffic.simulator ? simulate(intersections) : new SyntheticTraffic(intersections,
                vehicles, vrus, hz, seed).generate(START_MS, minutes * 60_000L);
        long bsms = Arrays.stream(messages).filter(Bsm.class::isInstance).count();
        long psms = Arrays.stream(messages).filter(Psm.class::isInstance).count();
        double perIntersectionSecond = intersections.size() * minutes * 60.0 * hz;
        out.printf("analysis benchmark: %s traffic at %d intersections, %d min at %d Hz: %,d messages (%,d BSM, %,d PSM);"
                + " on average %.0f vehicles and %.0f VRUs present per intersection; 1 thread%n", traffic,
                intersections.size(), minutes, hz, messages.length, bsms, psms, bsms / perIntersectionSecond,
                psms / perIntersectionSecond);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] engineRates = new double[rounds];
        double[] engineCpuRates = new double[rounds];
        double[] engineProcessRates = new double[rounds];
        double[] assignRates = new double[rounds];
        for (int round = -1; round < rounds; round++) {
            Counting listener = new Counting();
            long process0 = os.getProcessCpuTime();
            CpuStopwatch clock = CpuStopwatch.start();
            AnalysisEngine engine = new AnalysisEngine(intersections, AnalysisSettings.defaults(),
                    NormalizationConstants::defaults, new TrailingHistoryPrior(), listener, (i, g) -> { });
            for (Message m : messages) {
                engine.onMessage(m);
            }
            engine.flush();
            long engineNs = clock.wallNanos();
            long engineCpuNs = clock.cpuNanos();
            long engineProcessNs = os.getProcessCpuTime() - process0;
            long assignCpuNs = timeAssignment(intersections, messages);
            if (round >= 0) {
                engineRates[round] = CpuStopwatch.perSecond(messages.length, engineNs);
                engineCpuRates[round] = CpuStopwatch.perSecond(messages.length, engineCpuNs);
                engineProcessRates[round] = CpuStopwatch.perSecond(messages.length, engineProcessNs);
                assignRates[round] = CpuStopwatch.perSecond(messages.length, assignCpuNs);
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
                + " assignment alone %,.0f msg/s per thread CPU-second%n", CpuStopwatch.median(engineCpuRates),
                CpuStopwatch.median(engineProcessRates), CpuStopwatch.median(engineRates),
                CpuStopwatch.median(assignRates));
        out.flush();
        return 0;
    }

    /**
     * The simulator at every seeded intersection, all hours at the same demand: 720 vehicles/h on each street and
     * 235 VRUs/h give about 60 vehicles and 10 VRUs present; every road user reports at {@code hz}.
     */
    private Message[] simulate(List<Intersection> intersections) {
        SimulationConfig defaults = SimulationConfig.defaults();
        SimulationConfig.Demand d = defaults.demand();
        int periodMs = 1000 / hz;
        SimulationConfig config = defaults.withSeed(seed).withIntersections(intersections)
                .withDemand(new SimulationConfig.Demand(720, 720, d.leftTurnShare(), d.rightTurnShare(), d.truckShare(),
                        235, d.cyclistShare(), d.crossingShare(), DemandProfile.flat(1)))
                .withMessaging(new SimulationConfig.Messaging(periodMs, periodMs, 1000, 60_000, 80, "simulator"));
        List<Message> out = new ArrayList<>();
        new TrafficSimulator(config).run(Instant.ofEpochMilli(START_MS), Instant.ofEpochMilli(START_MS + minutes * 60_000L),
                new SimulationListener() {
                    @Override
                    public void onMessage(Message message) {
                        out.add(message);
                    }
                });
        return out.toArray(new Message[0]);
    }

    /** CPU nanoseconds to assign every message. */
    private static long timeAssignment(List<Intersection> intersections, Message[] messages) {
        IntersectionRegistry registry = new IntersectionRegistry(intersections, Map.of(), 120, 10, (i, g) -> { });
        CpuStopwatch clock = CpuStopwatch.start();
        long found = 0;
        long positioned = 0;
        for (Message m : messages) {
            positioned += m instanceof Bsm || m instanceof Psm ? 1 : 0;
            boolean in = switch (m) {
                case Bsm b -> registry.findZone(b.latitude(), b.longitude(), b.source()).isPresent();
                case Psm p -> registry.findZone(p.latitude(), p.longitude(), p.source()).isPresent();
                default -> false;
            };
            found += in ? 1 : 0;
        }
        long ns = clock.cpuNanos();
        if (found < positioned * 0.99) {
            throw new IllegalStateException("the traffic left the zones: " + found + " of " + positioned + " assigned");
        }
        return ns;
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
            throw new IllegalStateException("benchmark traffic is never late, got " + message);
        }
    }
}
