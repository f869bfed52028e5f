package org.trafficsafety.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import org.trafficsafety.pipeline.spool.SpoolLimits;

/**
 * How the collector batches and where it keeps its files.
 *
 * @param fileFlushInterval  how often raw and processed Parquet files are cut (default 60 s: one file per type per minute)
 * @param dbFlushInterval    how often closed minutes and conflicts go to PostgreSQL (default 5 s; bounds the lag)
 * @param heartbeat          advance the analysis by the wall clock at each database flush, so quiet intersections
 *                           close their minutes too; on for live sources, off for replays whose event time is not now
 * @param parquetRoot        local Parquet root ({@code PARQUET_STORAGE_PATH}, default ./var/parquet)
 * @param spoolRoot          one spool directory per sink under it (default ./var/spool)
 * @param dualWrite          also write processed rows and conflicts to Parquet ({@code ENABLE_DUAL_WRITE}, default true)
 * @param archiveRaw         write the raw message archive (off for a replay, whose messages are archived already)
 * @param upload             upload every finished Parquet file to the archive bucket ({@code ENABLE_GCS_UPLOAD})
 * @param sink               queue size, backoff and shutdown timeout of every sink
 * @param spoolLimits        size limits of every sink's spool
 */
public record CollectorSettings(
        Duration fileFlushInterval,
        Duration dbFlushInterval,
        boolean heartbeat,
        Path parquetRoot,
        Path spoolRoot,
        boolean dualWrite,
        boolean archiveRaw,
        boolean upload,
        SinkSettings sink,
        SpoolLimits spoolLimits) {

    public CollectorSettings {
        if (fileFlushInterval.compareTo(Duration.ofSeconds(1)) < 0 || dbFlushInterval.toMillis() < 10) {
            throw new IllegalArgumentException("flush intervals too short: files " + fileFlushInterval + " (min 1 s), database "
                    + dbFlushInterval + " (min 10 ms)");
        }
    }

    /** For a replay: no heartbeat (its event time is not now) and no raw archive (the messages come from it). */
    public CollectorSettings forReplay() {
        return new CollectorSettings(fileFlushInterval, dbFlushInterval, false, parquetRoot, spoolRoot, dualWrite, false, upload,
                sink, spoolLimits);
    }

    public static CollectorSettings defaults(Path varDir) {
        return new CollectorSettings(Duration.ofSeconds(60), Duration.ofSeconds(5), true, varDir.resolve("parquet"),
                varDir.resolve("spool"), true, true, true, SinkSettings.DEFAULTS, SpoolLimits.DEFAULTS);
    }
}
