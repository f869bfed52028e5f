package org.trafficsafety.tools;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.trafficsafety.message.Message;
import org.trafficsafety.simulation.GroundTruthConflict;
import org.trafficsafety.simulation.SimulationConfig;
import org.trafficsafety.simulation.SimulationListener;
import org.trafficsafety.simulation.SimulationStats;
import org.trafficsafety.simulation.TrafficSimulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tsi bench simulator}: how fast the simulator runs in batch mode (simulated time per CPU second). */
@Command(name = "simulator", mixinStandardHelpOptions = true,
        description = "Simulate the seeded intersections in batch mode and print simulated seconds per CPU second.")
public final class SimulatorBenchmark implements Callable<Integer> {

    @Option(names = "--start", defaultValue = "2026-11-24T08:00:00Z", description = "Simulated start, UTC (default ${DEFAULT-VALUE}, the AM peak).")
    Instant start;

    @Option(names = "--minutes", defaultValue = "30", description = "Simulated minutes (default ${DEFAULT-VALUE}).")
    int minutes;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long[] counts = new long[2];
        SimulationListener sink = new SimulationListener() {
            @Override
            public void onMessage(Message message) {
                counts[0]++;
            }

            @Override
            public void onGroundTruth(GroundTruthConflict conflict) {
                counts[1]++;
            }
        };
        CpuStopwatch clock = CpuStopwatch.start();
        SimulationStats stats = new TrafficSimulator(SimulationConfig.defaults().withSeed(seed))
                .run(start, start.plusSeconds(60L * minutes), sink);
        double cpuS = clock.cpuNanos() / 1e9;
        double wallS = clock.wallNanos() / 1e9;
        double simulatedS = 60.0 * minutes;
        out.printf("simulated %d min of 4 intersections from %s (seed %d, defaults)%n", minutes, start, seed);
        out.printf("vehicles %,d, VRUs %,d, messages %,d, ground-truth conflicts %,d%n", stats.vehicles(), stats.vrus(), counts[0], counts[1]);
        out.printf("CPU %.1f s, wall %.1f s: %.0f simulated s per CPU s, %,.0f messages per CPU s%n",
                cpuS, wallS, simulatedS / cpuS, counts[0] / cpuS);
        return 0;
    }
}
