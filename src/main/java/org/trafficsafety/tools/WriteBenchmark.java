package org.trafficsafety.tools;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.trafficsafety.analysis.MinuteFeatures;
import org.trafficsafety.analysis.SafetyIndexRow;
import org.trafficsafety.store.db.IndexRowWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tsi bench write}: rows per second into {@code safety_indices_realtime} through the collector's writer
 * ({@link IndexRowWriter#write}: new minutes COPY straight in), next to a plain binary COPY of the same rows into the
 * same table (the physical limit), and the writer again over rows that already exist (a replay: staging + upsert). Each figure is the
 * best of {@code --rounds} runs after a warm-up, on a scratch database that is dropped afterwards.
 */
@Command(name = "write", mixinStandardHelpOptions = true,
        description = "Rows/s into safety_indices_realtime: the collector's writer vs a raw COPY (needs PostgreSQL; see docs/PERFORMANCE.md).")
public final class WriteBenchmark implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "200000", description = "rows per run (default ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--batch", defaultValue = "10000", description = "rows per write call (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--rounds", defaultValue = "3", description = "timed runs per method; the best counts (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--intersections", defaultValue = "100", description = "distinct intersections in the rows (default ${DEFAULT-VALUE})")
    int intersections;

    private interface Write {
        void run(List<SafetyIndexRow> batch) throws Exception;
    }

    @Override
    public Integer call() throws Exception {
        List<SafetyIndexRow> data = rows(rows, intersections);
        try (BenchDatabase db = BenchDatabase.open()) {
            IndexRowWriter writer = new IndexRowWriter(db.dataSource());
            run(db, data.subList(0, Math.min(data.size(), 20_000)), writer::write, true);
            run(db, data.subList(0, Math.min(data.size(), 20_000)), writer::copyWithoutUpsert, true);
            double viaWriter = 0;
            double rawCopy = 0;
            double replay = 0;
            for (int r = 0; r < rounds; r++) {
                viaWriter = Math.max(viaWriter, run(db, data, writer::write, true));
                replay = Math.max(replay, run(db, data, writer::write, false));
                rawCopy = Math.max(rawCopy, run(db, data, writer::copyWithoutUpsert, true));
            }
            System.out.printf("tsi bench write: %,d rows (%d intersections x %,d minutes), batches of %,d, best of %d%n",
                    data.size(), intersections, data.size() / intersections, batch, rounds);
            System.out.printf("  %-44s %,12.0f rows/s%n", "collector writer, new minutes (direct COPY)", viaWriter);
            System.out.printf("  %-44s %,12.0f rows/s%n", "collector writer, existing rows (upsert)", replay);
            System.out.printf("  %-44s %,12.0f rows/s%n", "raw binary COPY (physical limit)", rawCopy);
            System.out.printf("  writer / raw COPY: %.0f%%   (targets: >= 50,000 rows/s and >= 50%%)%n", 100 * viaWriter / rawCopy);
            return viaWriter >= 50_000 && viaWriter >= 0.5 * rawCopy ? 0 : 1;
        }
    }

    /** Rows/s of one pass over {@code data}; empties the table first when {@code fresh}. */
    private double run(BenchDatabase db, List<SafetyIndexRow> data, Write write, boolean fresh) throws Exception {
        if (fresh) {
            db.execute("TRUNCATE safety_indices_realtime");
        }
        long start = System.nanoTime();
        for (int i = 0; i < data.size(); i += batch) {
            write.run(data.subList(i, Math.min(data.size(), i + batch)));
        }
        return data.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** Seeded, valid rows: {@code count / intersections} consecutive minutes from today 00:00 UTC at each intersection. */
    static List<SafetyIndexRow> rows(int count, int intersections) {
        SplittableRandom random = new SplittableRandom(42);
        long day = Instant.now().toEpochMilli() / 86_400_000L * 86_400_000L;
        List<SafetyIndexRow> out = new ArrayList<>(count);
        for (int m = 0; out.size() < count; m++) {
            long minute = day + m * 60_000L;
            ZonedDateTime t = Instant.ofEpochMilli(minute).atZone(ZoneOffset.UTC);
            for (int i = 0; i < intersections && out.size() < count; i++) {
                MinuteFeatures f = new MinuteFeatures(1000 + i, minute, random.nextInt(80), random.nextInt(10),
                        random.nextDouble(20), random.nextDouble(5), random.nextInt(3), random.nextInt(3), random.nextInt(2));
                double vru = random.nextDouble(100);
                double vehicle = random.nextDouble(100);
                out.add(new SafetyIndexRow(f, vru, vehicle, 0.6 * vru + 0.4 * vehicle, vru, vehicle, 0.6 * vru + 0.4 * vehicle,
                        t.getHour(), t.getDayOfWeek().getValue() - 1, 1, "tsi-1"));
            }
        }
        return out;
    }
}
