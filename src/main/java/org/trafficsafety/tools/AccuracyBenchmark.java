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
        System.out.println("matching: same pair, encounter intervals overlapping within +-3 s, one to one");
        System.out.printf("%-16s %6s %9s %8s %10s %7s%n", "slice", "truth", "detected", "matched", "precision", "recall");
        print(r.overall());
        r.byKind().forEach(AccuracyBenchmark::print);
        r.byType().forEach(AccuracyBenchmark::print);
        System.out.println("recall by the ground truth's cause:");
        r.byCause().forEach(t -> System.out.printf("%-22s %6d %8d %7.3f%n", t.label(), t.truth(), t.matchedTruth(), t.recall()));
        System.out.printf("type agreement among %d matches: %d (%.1f%%)%n", r.matches(), r.typeAgreement(),
                r.matches() == 0 ? 0.0 : 100.0 * r.typeAgreement() / r.matches());
        if (verbose) {
            r.missed().forEach(t -> System.out.println("missed: " + t));
            r.falseAlarms().forEach(e -> System.out.println("false: " + e));
        }
        return 0;
    }

    private static void print(ConflictAccuracy.Tally t) {
        System.out.printf("%-16s %6d %9d %8d %10.3f %7.3f%n", t.label(), t.truth(), t.detected(), t.matchedTruth(),
                t.precision(), t.recall());
    }
}
