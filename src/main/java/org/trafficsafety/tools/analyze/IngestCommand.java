package org.trafficsafety.tools.analyze;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.trafficsafety.pipeline.CollectorSettings;
import org.trafficsafety.pipeline.CollectorStatus;
import org.trafficsafety.store.archive.ArchiveSettings;
import org.trafficsafety.tools.DatabaseCoordinates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code tsi ingest FILE...}: recorded files through the full pipeline — PostgreSQL, processed Parquet, raw archive,
 * bucket — with event time taken from the messages. Files are cut per minute of event time and named after it, and
 * every database write is an upsert, so ingesting the same files twice leaves the same rows and the same files.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest recorded message files through the full pipeline (PostgreSQL, Parquet, archive bucket).",
                "Database: DB_* variables, else the demo cluster under ./var/pg (started if needed).",
                "Exit code 0 when messages were read, 1 when none could be, 2 on bad arguments."})
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    RecordedInput input;

    @Override
    public Integer call() throws Exception {
        Optional<RecordedInput.Resolved> resolved = input.resolve("ingest");
        if (resolved.isEmpty()) {
            return 2;
        }
        DatabaseCoordinates db = DatabaseCoordinates.locate(true);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(4);
        config.setPoolName("ingest");
        Map<String, String> env = System.getenv();
        ArchiveSettings archive = ArchiveSettings.fromEnv(env);
        CollectorSettings settings = RecordedIngest.settings(archive.parquetStoragePath(), Path.of("var", "spool"));
        long started = System.nanoTime();
        RecordedIngest.Result result;
        try (HikariDataSource dataSource = new HikariDataSource(config);
             Progress progress = new Progress("ingest", System.err, System.console() != null)) {
            result = new RecordedIngest(resolved.get().intersections(), settings).ingest(input.files, resolved.get().decoder(),
                    dataSource, archive.openStore(), progress::update);
        }
        RunSummary summary = result.summary();
        CollectorStatus status = result.status();
        double seconds = (System.nanoTime() - started) / 1e9;
        summary.print(System.out);
        System.out.printf("time               %.1f s, %,.0f messages/s%n", seconds, summary.read() / Math.max(seconds, 1e-9));
        System.out.printf("stored             %,d minutes and %,d conflicts to PostgreSQL %s, Parquet under %s, archive %s%n",
                status.minutesClosed(), status.conflicts(), db.jdbcUrl(), settings.parquetRoot(),
                archive.enableGcsUpload() ? "gs://" + archive.gcsBucket() : archive.archiveDir());
        if (summary.accepted() == 0) {
            System.err.println("tsi ingest: no message could be read from " + input.files + " (" + summary.rejected() + " rejected)");
            return 1;
        }
        return 0;
    }
}
