package org.trafficsafety.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    @Option(names = "--seeds", split = ",", defaultValue = "1,2,3,4,5",
            description = "Simulator seeds, each a run of --hours; the table pools them (default ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--bsm-period-ms", defaultValue = "500", description = "BSM thinning (default ${DEFAULT-VALUE}).")
    int bsmPeriodMs;

    @Option(names = "--psm-period-ms", defaultValue = "1000", description = "PSM thinning (default ${DEFAULT-VALUE}).")
    int psmPeriodMs;

    @Option(names = "--gps-sigma-m", defaultValue = "1.5", description = "GPS noise per axis, m (default ${DEFAULT-VALUE}).")
    double gpsSigmaM;

    @Option(names = "--verbose", description = "List missed and false conflicts, and detections in no-conflict situations.")
    boolean verbose;

    @Override
    public Integer call() throws InterruptedException, ExecutionException {
        long started = System.nanoTime();
        // Seeds are independent runs: one thread each, up to the cores there are.
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(seeds.size(), Runtime.getRuntime().availableProcessors()));
        List<Future<ConflictAccuracy.Result>> futures = new ArrayList<>();
        try {
            for (long seed : seeds) {
                futures.add(pool.submit(() -> ConflictAccuracy.run(new ConflictAccuracy.Settings(seed, hours, bsmPeriodMs,
                        psmPeriodMs, gpsSigmaM, 3_000, ConflictParameters.defaults()))));
            }
            System.out.printf("conflict accuracy: %d run(s) of %.2f simulated h x 4 intersections, seeds %s, BSM %d ms, PSM %d ms,"
                    + " GPS %.1f m%n", seeds.size(), hours, seeds, bsmPeriodMs, psmPeriodMs, gpsSigmaM);
            List<ConflictAccuracy.Result> runs = new ArrayList<>();
            for (int i = 0; i < seeds.size(); i++) {
                runs.add(futures.get(i).get());
                System.out.printf("seed %d: %s%n", seeds.get(i), runs.getLast().summary());
            }
            ConflictAccuracy.Result r = ConflictAccuracy.Result.pooled(runs);
            System.out.printf("%,d messages in %.1f s%n", r.messages(), (System.nanoTime() - started) / 1e9);
            if (seeds.size() > 1) {
                System.out.printf("pooled over %d seeds:%n", seeds.size());
            }
            r.print(System.out);
            if (verbose) {
                r.missed().forEach(t -> System.out.println("missed: " + t));
                r.falseAlarms().forEach(e -> System.out.println("false: " + e));
                r.situations().forEach(t -> t.detections().forEach(e -> System.out.println(t.label() + ": " + e)));
            }
            return 0;
        } finally {
            pool.shutdownNow();
        }
    }
}
