package org.trafficsafety.config;

import org.trafficsafety.store.archive.ArchiveSettings;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where rows go and where reads come from: the PostgreSQL read-path flags of the rollout (design section 8), local
 * Parquet, and the archive bucket (GCS when {@code GCS_BUCKET} is set and uploads are enabled, else a local directory).
 *
 * @param postgresqlReadPercent share of reads (0–100) answered from PostgreSQL rather than Parquet
 */
public record StorageSettings(boolean usePostgresql, boolean fallbackToParquet, int postgresqlReadPercent,
                              boolean enableDualWrite, Path parquetStoragePath, Optional<String> gcsBucket,
                              Optional<String> gcsProjectId, Optional<Path> googleApplicationCredentials,
                              boolean enableGcsUpload, Path archiveDir) {

    public static StorageSettings from(EnvSettings env) {
        if (env.bool("ENABLE_GCS_UPLOAD", false) && env.optional("GCS_BUCKET").isEmpty()) {
            throw new InvalidSettingException("ENABLE_GCS_UPLOAD", "true", "false, or GCS_BUCKET naming the bucket");
        }
        return new StorageSettings(
                env.bool("USE_POSTGRESQL", true),
                env.bool("FALLBACK_TO_PARQUET", true),
                env.integer("POSTGRESQL_READ_PERCENT", 100, 0, 100),
                env.bool("ENABLE_DUAL_WRITE", true),
                env.path("PARQUET_STORAGE_PATH", "./var/parquet"),
                env.optional("GCS_BUCKET"),
                env.optional("GCS_PROJECT_ID"),
                env.optional("GOOGLE_APPLICATION_CREDENTIALS").map(Path::of),
                env.bool("ENABLE_GCS_UPLOAD", false),
                env.path("ARCHIVE_DIR", "./var/bucket"));
    }

    /** True when objects go to a GCS bucket rather than the local archive directory. */
    public boolean usesGcs() {
        return enableGcsUpload && gcsBucket.isPresent();
    }

    /** The archive's settings, as {@code store.archive} takes them. */
    public ArchiveSettings archive() {
        return new ArchiveSettings(gcsBucket.orElse(""), gcsProjectId.orElse(""), enableGcsUpload, archiveDir, parquetStoragePath);
    }
}
