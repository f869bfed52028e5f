package org.trafficsafety.store.archive;

import com.google.cloud.storage.StorageOptions;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Parquet files and the archive live (design section 9).
 *
 * @param gcsBucket          {@code GCS_BUCKET}: the bucket name, "" when none
 * @param gcsProjectId       {@code GCS_PROJECT_ID}: the project to create the bucket in, "" for the client's default
 * @param enableGcsUpload    {@code ENABLE_GCS_UPLOAD}: archive to GCS (true) or to {@link #archiveDir} (false, default)
 * @param archiveDir         {@code ARCHIVE_DIR}: the local bucket directory, default {@code ./var/bucket}
 * @param parquetStoragePath {@code PARQUET_STORAGE_PATH}: the local Parquet root, default {@code ./var/parquet}
 */
public record ArchiveSettings(String gcsBucket, String gcsProjectId, boolean enableGcsUpload, Path archiveDir,
                              Path parquetStoragePath) {

    public static final Path DEFAULT_ARCHIVE_DIR = Path.of("var", "bucket");
    public static final Path DEFAULT_PARQUET_PATH = Path.of("var", "parquet");

    public ArchiveSettings {
        gcsBucket = gcsBucket == null ? "" : gcsBucket.strip();
        gcsProjectId = gcsProjectId == null ? "" : gcsProjectId.strip();
        archiveDir = archiveDir == null ? DEFAULT_ARCHIVE_DIR : archiveDir;
        parquetStoragePath = parquetStoragePath == null ? DEFAULT_PARQUET_PATH : parquetStoragePath;
        if (enableGcsUpload && gcsBucket.isEmpty()) {
            throw new IllegalArgumentException("ENABLE_GCS_UPLOAD=true needs GCS_BUCKET to name the bucket");
        }
    }

    /** Reads the settings from environment variables (absent ones take their defaults). */
    public static ArchiveSettings fromEnv(Map<String, String> env) {
        String enable = env.getOrDefault("ENABLE_GCS_UPLOAD", "false").strip().toLowerCase(Locale.ROOT);
        if (!enable.equals("true") && !enable.equals("false")) {
            throw new IllegalArgumentException("ENABLE_GCS_UPLOAD must be true or false, was '" + enable + "'");
        }
        return new ArchiveSettings(env.get("GCS_BUCKET"), env.get("GCS_PROJECT_ID"), enable.equals("true"),
                pathOrNull(env.get("ARCHIVE_DIR")), pathOrNull(env.get("PARQUET_STORAGE_PATH")));
    }

    private static Path pathOrNull(String value) {
        return value == null || value.isBlank() ? null : Path.of(value.strip());
    }

    /** The archive these settings name: the GCS bucket when uploads are enabled, else the local directory. */
    public ArchiveStore openStore() {
        if (!enableGcsUpload) {
            return new LocalArchiveStore(archiveDir);
        }
        StorageOptions.Builder options = StorageOptions.newBuilder();
        if (!gcsProjectId.isEmpty()) {
            options.setProjectId(gcsProjectId);
        }
        return new GcsArchiveStore(options.build().getService(), gcsBucket);
    }
}
