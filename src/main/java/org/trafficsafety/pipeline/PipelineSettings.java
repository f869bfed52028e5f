package org.trafficsafety.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.trafficsafety.config.EnvSettings;
import org.trafficsafety.config.StorageSettings;
import org.trafficsafety.pipeline.spool.SpoolLimits;

/**
 * The collector's environment settings (docs/pipeline.md):
 * {@code COLLECTOR_ENABLED} (default false: an API-only instance; {@code ./tsi demo} turns it on),
 * {@code COLLECTOR_FILE_FLUSH_SECONDS} (60), {@code COLLECTOR_DB_FLUSH_SECONDS} (5), {@code SPOOL_DIR} (./var/spool),
 * {@code SPOOL_MAX_BATCHES} (10,000), {@code SPOOL_MAX_MB} (1024), {@code SINK_QUEUE_CAPACITY} (64),
 * {@code SINK_MAX_BACKOFF_SECONDS} (60); Parquet, dual write and archive come from {@link StorageSettings}.
 */
public record PipelineSettings(boolean enabled, CollectorSettings collector) {

    public static PipelineSettings from(EnvSettings env, StorageSettings storage) {
        SinkSettings sink = new SinkSettings(env.integer("SINK_QUEUE_CAPACITY", 64, 1, 100_000), Duration.ofSeconds(1),
                env.duration("SINK_MAX_BACKOFF_SECONDS", Duration.ofSeconds(60), ChronoUnit.SECONDS, 1, 3600), Duration.ofSeconds(30));
        SpoolLimits limits = new SpoolLimits(env.integer("SPOOL_MAX_BATCHES", SpoolLimits.DEFAULTS.maxBatches(), 1, 10_000_000),
                (long) env.integer("SPOOL_MAX_MB", 1024, 1, 1_048_576) << 20);
        CollectorSettings collector = new CollectorSettings(
                env.seconds("COLLECTOR_FILE_FLUSH_SECONDS", Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofHours(1)),
                env.seconds("COLLECTOR_DB_FLUSH_SECONDS", Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofHours(1)),
                true, storage.parquetStoragePath(), env.path("SPOOL_DIR", "./var/spool"), storage.enableDualWrite(), true, true,
                sink, limits);
        return new PipelineSettings(env.bool("COLLECTOR_ENABLED", false), collector);
    }

    /** Where the spools live, for the /health report. */
    public Path spoolRoot() {
        return collector.spoolRoot();
    }
}
