package org.trafficsafety.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.postgresql.ds.PGSimpleDataSource;
import org.trafficsafety.analysis.SafetyIndexRow;
import org.trafficsafety.pipeline.DualWriteComparison;
import org.trafficsafety.store.db.IndexRowReader;
import org.trafficsafety.store.parquet.ProcessedParquetReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tsi validate dual-write --last 1h}: compares the index rows PostgreSQL holds with the processed Parquet
 * files for a window and prints one line per intersection; exits 1 on any mismatch, 2 when a store cannot be read.
 */
@Command(name = "dual-write", mixinStandardHelpOptions = true,
        description = "Compare safety_indices_realtime with the processed Parquet files for a window (exit 1 on a mismatch).")
public final class DualWriteValidation implements Callable<Integer> {

    @Option(names = "--last", defaultValue = "1h", description = "window length ending --settle before now: 90m, 1h, 2d (default ${DEFAULT-VALUE})")
    String last;

    @Option(names = "--settle", defaultValue = "2m",
            description = "leave out the newest minutes: Parquet files are cut once a minute, PostgreSQL is written every few seconds (default ${DEFAULT-VALUE})")
    String settle;

    @Option(names = "--to", description = "window end, an ISO instant (default: now minus --settle)")
    Instant to;

    @Option(names = "--sample", defaultValue = "200", description = "minutes compared value by value (default ${DEFAULT-VALUE})")
    int sample;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the sample (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--parquet", description = "Parquet root (default: PARQUET_STORAGE_PATH or ./var/parquet)")
    Path parquet;

    @Option(names = "--db-url", description = "JDBC URL (default: DB_* variables, else the demo cluster ./var/pg)")
    String dbUrl;

    @Option(names = "--db-user", description = "with --db-url")
    String dbUser;

    @Option(names = "--db-password", description = "with --db-url", defaultValue = "")
    String dbPassword;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Instant end = (to != null ? to : Instant.now().minus(duration(settle))).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            Instant start = end.minus(duration(last));
            List<SafetyIndexRow> postgres = new IndexRowReader(dataSource()).read(start, end);
            List<SafetyIndexRow> files;
            try (ProcessedParquetReader reader = new ProcessedParquetReader(parquetRoot())) {
                files = reader.readIndices(start, end, OptionalInt.empty());
            }
            DualWriteComparison.Report report = DualWriteComparison.compare(start, end, postgres, files, sample, seed);
            print(out, report);
            return report.matches() ? 0 : 1;
        } catch (IllegalArgumentException e) {
            err.println("tsi validate dual-write: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("tsi validate dual-write: cannot read a store: " + e);
            return 2;
        }
    }

    private static void print(PrintWriter out, DualWriteComparison.Report report) {
        out.printf(Locale.ROOT, "dual write, minutes in [%s, %s) UTC%n", report.from(), report.to());
        out.printf(Locale.ROOT, "%-12s %10s %10s %14s %14s %10s %8s %10s  %s%n", "intersection", "postgres", "parquet",
                "missing in pg", "missing in pq", "repeated", "sampled", "differing", "result");
        int pg = 0;
        int pq = 0;
        for (DualWriteComparison.IntersectionLine l : report.lines()) {
            out.printf(Locale.ROOT, "%-12d %10d %10d %14d %14d %10d %8d %10d  %s%n", l.intersectionId(), l.postgresMinutes(),
                    l.parquetMinutes(), l.missingInPostgres(), l.missingInParquet(), l.repeatedInParquet(), l.sampled(),
                    l.valueMismatches(), l.matches() ? "ok" : "MISMATCH");
            pg += l.postgresMinutes();
            pq += l.parquetMinutes();
        }
        out.printf(Locale.ROOT, "%-12s %10d %10d%n", "total", pg, pq);
        report.examples().forEach(e -> out.println("  " + e));
        out.println(report.matches() ? "result: the stores agree" : "result: MISMATCH");
        out.flush();
    }

    private javax.sql.DataSource dataSource() throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        if (dbUrl != null) {
            ds.setUrl(dbUrl);
            ds.setUser(dbUser);
            ds.setPassword(dbPassword);
        } else {
            DatabaseCoordinates at = DatabaseCoordinates.locate(false);
            ds.setUrl(at.jdbcUrl());
            ds.setUser(at.user());
            ds.setPassword(at.password());
        }
        return ds;
    }

    private Path parquetRoot() {
        if (parquet != null) {
            return parquet;
        }
        String env = System.getenv("PARQUET_STORAGE_PATH");
        return Path.of(env == null || env.isBlank() ? "var/parquet" : env);
    }

    /** "90s", "15m", "1h", "2d". */
    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.length() < 2) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 90s, 15m, 1h, 2d)");
        }
        long n;
        try {
            n = Long.parseLong(t.substring(0, t.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 90s, 15m, 1h, 2d)");
        }
        if (n < 0) {
            throw new IllegalArgumentException("a duration must not be negative: '" + text + "'");
        }
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 90s, 15m, 1h, 2d)");
        };
    }
}
