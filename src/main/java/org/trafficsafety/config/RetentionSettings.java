package org.trafficsafety.config;

import org.trafficsafety.store.db.PartitionManager;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * How long PostgreSQL keeps each kind of row: per-minute indices (RETENTION_REALTIME_HOURS, 48), hourly rollups
 * (RETENTION_HOURLY_DAYS, 90), conflict events (RETENTION_CONFLICT_DAYS, 90). Daily rollups are kept forever;
 * Parquet and the archive keep everything.
 */
public record RetentionSettings(Duration realtime, Duration hourly, Duration conflicts) {

    public static RetentionSettings from(EnvSettings env) {
        return new RetentionSettings(
                env.duration("RETENTION_REALTIME_HOURS", Duration.ofHours(48), ChronoUnit.HOURS, 1, 24 * 3660),
                env.duration("RETENTION_HOURLY_DAYS", Duration.ofDays(90), ChronoUnit.DAYS, 1, 3660),
                env.duration("RETENTION_CONFLICT_DAYS", Duration.ofDays(90), ChronoUnit.DAYS, 1, 3660));
    }

    public PartitionManager.Retention toPartitionRetention() {
        return new PartitionManager.Retention(realtime, hourly, conflicts);
    }
}
