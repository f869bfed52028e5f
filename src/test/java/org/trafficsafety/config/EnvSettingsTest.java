package org.trafficsafety.config;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvSettingsTest {

    private static EnvSettings env(Map<String, String> values) {
        return new EnvSettings(values::get);
    }

    @Test
    void shouldUseTheDocumentedDefaultsWhenNothingIsSet() {
        EnvSettings empty = env(Map.of());

        DatabaseSettings database = DatabaseSettings.from(empty);
        StorageSettings storage = StorageSettings.from(empty);
        SourceSettings source = SourceSettings.from(empty);
        RetentionSettings retention = RetentionSettings.from(empty);

        assertThat(database.jdbcUrl()).startsWith("jdbc:postgresql://localhost:5432/trafficsafety?sslmode=prefer");
        assertThat(database.maxConnections()).isEqualTo(30);
        assertThat(storage.postgresqlReadPercent()).isEqualTo(100);
        assertThat(storage.parquetStoragePath()).isEqualTo(Path.of("./var/parquet"));
        assertThat(storage.usesGcs()).isFalse();
        assertThat(source.dataSource()).isEqualTo("simulator");
        assertThat(source.collectionInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(source.vcc()).isEmpty();
        assertThat(retention.realtime()).isEqualTo(Duration.ofHours(48));
        assertThat(retention.hourly()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void shouldReadSetValues() {
        EnvSettings set = env(Map.of("DB_HOST", "db.internal", "DB_PORT", "6432", "DB_POOL_SIZE", "5",
                "DB_MAX_OVERFLOW", "0", "DB_READ_USER", "api", "USE_POSTGRESQL", "false", "COLLECTION_INTERVAL", "0.5",
                "RETENTION_REALTIME_HOURS", "72", "GCS_BUCKET", "b", "ENABLE_GCS_UPLOAD", "yes"));

        DatabaseSettings database = DatabaseSettings.from(set);

        assertThat(database.jdbcUrl()).startsWith("jdbc:postgresql://db.internal:6432/trafficsafety");
        assertThat(database.maxConnections()).isEqualTo(5);
        assertThat(database.readUser()).contains("api");
        assertThat(StorageSettings.from(set).usePostgresql()).isFalse();
        assertThat(StorageSettings.from(set).usesGcs()).isTrue();
        assertThat(StorageSettings.from(set).archive().gcsBucket()).isEqualTo("b");
        assertThat(SourceSettings.from(set).collectionInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(RetentionSettings.from(set).realtime()).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void shouldBuildTheVccClientSettingsForTheVccSource() {
        SourceSettings source = SourceSettings.from(env(Map.of("DATA_SOURCE", "vcc", "VCC_CLIENT_ID", "me",
                "VCC_CLIENT_SECRET", "secret", "VCC_MODE", "poll", "COLLECTION_INTERVAL", "2", "VCC_BASE_URL", "http://127.0.0.1:9/")));

        var vcc = source.vcc().orElseThrow();

        assertThat(vcc.baseUrl().toString()).isEqualTo("http://127.0.0.1:9");
        assertThat(vcc.clientId()).isEqualTo("me");
        assertThat(vcc.mode().key()).isEqualTo("poll");
        assertThat(vcc.collectionInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldNeverPrintSecrets() {
        EnvSettings set = env(Map.of("DB_PASSWORD", "s3cret-db", "DATA_SOURCE", "vcc", "VCC_CLIENT_ID", "me",
                "VCC_CLIENT_SECRET", "s3cret-vcc", "ADMIN_TOKEN", "s3cret-admin-token-1234"));

        assertThat(DatabaseSettings.from(set).toString()).doesNotContain("s3cret");
        assertThat(SourceSettings.from(set).toString()).doesNotContain("s3cret");
        assertThat(ServerSettings.from(set).toString()).doesNotContain("s3cret");
    }

    @Nested
    class InvalidValues {

        @Test
        void shouldNameThePortVariable() {
            assertThatThrownBy(() -> DatabaseSettings.from(env(Map.of("DB_PORT", "abc"))))
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessage("DB_PORT=abc is invalid: expected an integer in 1..65535");
        }

        @Test
        void shouldRefuseAReadPercentAbove100() {
            assertThatThrownBy(() -> StorageSettings.from(env(Map.of("POSTGRESQL_READ_PERCENT", "150"))))
                    .hasMessage("POSTGRESQL_READ_PERCENT=150 is invalid: expected an integer in 0..100");
        }

        @Test
        void shouldRefuseGcsUploadWithoutABucket() {
            assertThatThrownBy(() -> StorageSettings.from(env(Map.of("ENABLE_GCS_UPLOAD", "true"))))
                    .hasMessage("ENABLE_GCS_UPLOAD=true is invalid: expected false, or GCS_BUCKET naming the bucket");
        }

        @Test
        void shouldRefuseANonPositiveEbK() {
            assertThatThrownBy(() -> new EnvSettings(Map.of("EB_K", "0")::get).decimal("EB_K", 50, 0.001, 1e6))
                    .hasMessage("EB_K=0 is invalid: expected a number in 0.001..1000000.0");
        }

        @Test
        void shouldRefuseAnUnknownBoolean() {
            assertThatThrownBy(() -> StorageSettings.from(env(Map.of("FALLBACK_TO_PARQUET", "maybe"))))
                    .hasMessage("FALLBACK_TO_PARQUET=maybe is invalid: expected true or false");
        }

        @Test
        void shouldRefuseAnUnknownChoice() {
            assertThatThrownBy(() -> SourceSettings.from(env(Map.of("VCC_MODE", "push"))))
                    .hasMessage("VCC_MODE=push is invalid: expected one of poll, stream");
            assertThatThrownBy(() -> DatabaseSettings.from(env(Map.of("DB_SSLMODE", "sometimes"))))
                    .hasMessageStartingWith("DB_SSLMODE=sometimes is invalid: expected one of allow, disable, prefer");
        }

        @Test
        void shouldRequireVccCredentialsForTheVccSource() {
            assertThatThrownBy(() -> SourceSettings.from(env(Map.of("DATA_SOURCE", "vcc"))))
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessageStartingWith("VCC_CLIENT_ID=");
            assertThatThrownBy(() -> SourceSettings.from(env(Map.of("DATA_SOURCE", "vcc", "VCC_CLIENT_ID", "me"))))
                    .hasMessageStartingWith("VCC_CLIENT_SECRET=");
        }

        @Test
        void shouldRefuseMalformedUrlsIntervalsAndRetentions() {
            assertThatThrownBy(() -> SourceSettings.from(env(Map.of("VCC_BASE_URL", "ftp://x"))))
                    .hasMessageStartingWith("VCC_BASE_URL=ftp://x is invalid");
            assertThatThrownBy(() -> SourceSettings.from(env(Map.of("COLLECTION_INTERVAL", "0.01"))))
                    .hasMessageStartingWith("COLLECTION_INTERVAL=0.01 is invalid: expected seconds in 0.1..3600.0");
            assertThatThrownBy(() -> RetentionSettings.from(env(Map.of("RETENTION_HOURLY_DAYS", "-3"))))
                    .hasMessageStartingWith("RETENTION_HOURLY_DAYS=-3 is invalid");
            assertThatThrownBy(() -> ServerSettings.from(env(Map.of("ADMIN_TOKEN", "short"))))
                    .hasMessage("ADMIN_TOKEN=(5 characters) is invalid: expected at least 16 characters");
        }
    }

    @Test
    void shouldTreatBlankAsUnset() {
        assertThat(env(Map.of("DB_HOST", "  ")).optional("DB_HOST")).isEqualTo(Optional.empty());
        assertThat(DatabaseSettings.from(env(Map.of("DB_PORT", ""))).port()).isEqualTo(5432);
    }
}
