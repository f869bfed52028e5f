package org.trafficsafety.tools;

import java.util.concurrent.Callable;
import org.trafficsafety.analysis.conflict.ConflictParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tsi bench accuracy}: precision and recall of conflict detection against the simulator's ground truth. */
@Command(name = "accuracy", mixinStandardHelpOptions = true,
        description = "Simulate the seeded intersections with GPS noise and thinning, detect conflicts, and print "
                + "precision/recall against the simulator's ground truth per kind of pair and per type.")
public final class AccuracyBenchmark implements Callable<Integer> {

    @Option(names = "--hours", defaultValue = "2", description = "Simulated hours (default ${DEFAULT-VALUE}).")
    double hours;

    @Option(names = "--seed", defaultValue = "1", description = "Simulator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bsm-period-ms", defaultValue = "500", description = "BSM thinning (default ${DEFAULT-VALUE}).")
    int bsmPeriodMs;

    @Option(names = "--psm-period-ms", defaultValue = "1000", description = "PSM thinning (default ${DEFAULT-VALUE}).")
    int psmPeriodMs;

    @Option(names = "--gps-sigma-m", defaultValue = "1.5", description = "GPS noise per axis, m (default ${DEFAULT-VALUE}).")
    double gpsSigmaM;

    @Option(names = "--verbose", description = "List missed and false conflicts.")
    boolean verbose;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        ConflictAccuracy.Result r = ConflictAccuracy.run(new ConflictAccuracy.Settings(seed, hours, bsmPeriodMs, psmPeriodMs,
                gpsSigmaM, 3_000, ConflictParameters.defaults()));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("conflict accuracy: %.2f simulated h x 4 intersections, seed %d, BSM %d ms, PSM %d ms, GPS %.1f m;"
                + " %,d messages in %.1f s%n", hours, seed, bsmPeriodMs, psmPeriodMs, gpsSigmaM, r.messages(), seconds);
        r.print(System.out);
        if (verbose) {
            r.missed().forEach(t -> System.out.println("missed: " + t));
            r.falseAlarms().forEach(e -> System.out.println("false: " + e));
        }
        return 0;
    }
}
