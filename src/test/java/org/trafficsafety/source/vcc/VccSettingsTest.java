package org.trafficsafety.source.vcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VccSettingsTest {

    private static final URI BASE = URI.create("https://vcc.example.org/");

    @Test
    void shouldCarryTheDocumentedDefaults() {
        VccSettings settings = VccSettings.defaults(BASE, "id", "secret", VccMode.STREAM);

        assertThat(settings.baseUrl()).hasToString("https://vcc.example.org");
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.minRequestSpacing()).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.tokenRenewBefore()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.mapDataInterval()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void shouldNeverPrintTheSecret() {
        VccSettings settings = VccSettings.defaults(BASE, "client-7", "s3cr3t-value", VccMode.POLL);

        assertThat(settings.toString()).contains("client-7").doesNotContain("s3cr3t-value");
    }

    @Test
    void shouldParseModesInAnyCase() {
        assertThat(VccMode.parse(" Stream ")).isEqualTo(VccMode.STREAM);
        assertThat(VccMode.parse("poll")).isEqualTo(VccMode.POLL);
    }

    @Nested
    class Rejects {

        @Test
        void anUnknownMode() {
            assertThatThrownBy(() -> VccMode.parse("push")).hasMessageContaining("'push'");
        }

        @Test
        void aUrlThatIsNotHttp() {
            assertThatThrownBy(() -> VccSettings.defaults(URI.create("ftp://host"), "id", "s", VccMode.POLL))
                    .hasMessageContaining("VCC_BASE_URL");
        }

        @Test
        void aMissingSecret() {
            assertThatThrownBy(() -> VccSettings.defaults(BASE, "id", " ", VccMode.POLL))
                    .hasMessageContaining("VCC_CLIENT_SECRET");
        }

        @Test
        void aZeroInterval() {
            VccSettings settings = VccSettings.defaults(BASE, "id", "s", VccMode.POLL);

            assertThatThrownBy(() -> settings.withIntervals(Duration.ZERO, Duration.ofHours(1)))
                    .hasMessageContaining("collectionInterval");
        }

        @Test
        void tooManyRetries() {
            VccSettings settings = VccSettings.defaults(BASE, "id", "s", VccMode.POLL);

            assertThatThrownBy(() -> settings.withRetries(21, Duration.ofMillis(1), Duration.ofMillis(2)))
                    .hasMessageContaining("maxRetries");
        }
    }
}
