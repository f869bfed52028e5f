package org.trafficsafety.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.store.parquet.RawParquetReader;
import org.trafficsafety.store.parquet.RawParquetWriter;
import org.trafficsafety.store.parquet.WrittenFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tsi bench parquet}: writes N synthetic BSMs (one hour at 10 Hz from many vehicles, seeded) to one raw
 * Parquet file through {@link RawParquetWriter}, then reads them all and one minute of them back.
 */
@Command(mixinStandardHelpOptions = true, name = "parquet", description = "Raw BSM Parquet write and read throughput (DuckDB, snappy).")
public final class ParquetBenchCommand implements Callable<Integer> {

    @Option(names = "--rows", description = "BSMs to write (default ${DEFAULT-VALUE})", defaultValue = "1000000")
    int rows;

    @Option(names = "--seed", description = "random seed (default ${DEFAULT-VALUE})", defaultValue = "42")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Instant start = Instant.parse("2026-11-24T10:00:00Z");
        List<Message> bsms = synthetic(start.toEpochMilli());
        Path root = Files.createTempDirectory("tsi-bench-parquet");
        try {
            long t0 = System.nanoTime();
            try (RawParquetWriter writer = new RawParquetWriter()) {
                long t1 = System.nanoTime();
                writer.writeFlush(MessageType.BSM, List.of(bsms.getFirst()), root.resolve("warmup"), start);
                long t2 = System.nanoTime();
                List<WrittenFile> files = writer.writeFlush(MessageType.BSM, bsms, root, start.plusSeconds(3600));
                long t3 = System.nanoTime();
                out.printf("open DuckDB (first connection, native library): %.3f s%n", (t1 - t0) / 1e9);
                out.printf("write %,d BSMs: %.3f s = %,.0f rows/s, %,d bytes%n", rows, (t3 - t2) / 1e9,
                        rows / ((t3 - t2) / 1e9), Files.size(files.getFirst().path()));
            }
            try (RawParquetReader reader = new RawParquetReader(root)) {
                reader.read(MessageType.BSM, start, start.plusSeconds(1));
                long t4 = System.nanoTime();
                int all = reader.read(MessageType.BSM, start, start.plusSeconds(3600)).size();
                long t5 = System.nanoTime();
                int minute = reader.read(MessageType.BSM, start.plusSeconds(1800), start.plusSeconds(1860)).size();
                long t6 = System.nanoTime();
                out.printf("read all %,d BSMs into records: %.3f s = %,.0f rows/s%n", all, (t5 - t4) / 1e9,
                        all / ((t5 - t4) / 1e9));
                out.printf("read one minute (%,d BSMs): %.3f s%n", minute, (t6 - t5) / 1e9);
            }
        } finally {
            try (var paths = Files.walk(root)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        out.flush();
        return 0;
    }

    private List<Message> synthetic(long startMs) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Message> out = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            long t = startMs + (long) i * 3_600_000L / rows;
            out.add(new Bsm(random.nextLong(0, 300), i % 128, (int) (t % 60_000), t, t + 35,
                    38.928411 + random.nextDouble(-0.001, 0.001), -77.241071 + random.nextDouble(-0.001, 0.001),
                    120.5, random.nextDouble(0, 20), random.nextDouble(0, 360), random.nextDouble(-4, 2), 0.1,
                    random.nextDouble(-5, 5), 0, 4.8, 1.9, "RSU-156"));
        }
        return out;
    }
}
