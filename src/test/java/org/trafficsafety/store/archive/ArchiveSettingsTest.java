package org.trafficsafety.store.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArchiveSettingsTest {

    @Test
    void shouldDefaultToTheLocalBucketAndParquetTreeUnderVar() {
        ArchiveSettings s = ArchiveSettings.fromEnv(Map.of());

        assertThat(s.enableGcsUpload()).isFalse();
        assertThat(s.archiveDir()).isEqualTo(Path.of("var/bucket"));
        assertThat(s.parquetStoragePath()).isEqualTo(Path.of("var/parquet"));
        assertThat(s.openStore()).isInstanceOf(LocalArchiveStore.class);
    }

    @Test
    void shouldReadEveryVariable() {
        ArchiveSettings s = ArchiveSettings.fromEnv(Map.of("GCS_BUCKET", " tsi-archive ", "GCS_PROJECT_ID", "p1",
                "ENABLE_GCS_UPLOAD", "TRUE", "ARCHIVE_DIR", "/data/bucket", "PARQUET_STORAGE_PATH", "/data/parquet"));

        assertThat(s).isEqualTo(new ArchiveSettings("tsi-archive", "p1", true, Path.of("/data/bucket"),
                Path.of("/data/parquet")));
    }

    @Test
    void shouldRefuseGcsUploadWithoutABucketAndAMistypedFlag() {
        assertThatThrownBy(() -> ArchiveSettings.fromEnv(Map.of("ENABLE_GCS_UPLOAD", "true")))
                .hasMessage("ENABLE_GCS_UPLOAD=true needs GCS_BUCKET to name the bucket");
        assertThatThrownBy(() -> ArchiveSettings.fromEnv(Map.of("ENABLE_GCS_UPLOAD", "yes")))
                .hasMessage("ENABLE_GCS_UPLOAD must be true or false, was 'yes'");
    }
}
