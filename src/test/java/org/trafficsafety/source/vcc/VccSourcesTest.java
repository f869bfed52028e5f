package org.trafficsafety.source.vcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.trafficsafety.message.VccDecoder;

class VccSourcesTest {

    private static final URI UNUSED = URI.create("http://127.0.0.1:9");

    @Test
    void shouldBuildTheSourceOfTheConfiguredMode() {
        try (VccSource poll = VccSources.create(VccSettings.defaults(UNUSED, "c", "s", VccMode.POLL), new VccDecoder());
                VccSource stream = VccSources.create(VccSettings.defaults(UNUSED, "c", "s", VccMode.STREAM),
                        new VccDecoder())) {
            assertThat(poll).isInstanceOf(VccPollSource.class);
            assertThat(poll.name()).isEqualTo("vcc-poll");
            assertThat(poll.vccStatus().mode()).isEqualTo(VccMode.POLL);
            assertThat(stream).isInstanceOf(VccStreamSource.class);
            assertThat(stream.name()).isEqualTo("vcc-stream");
            assertThat(stream.vccStatus().connected()).isFalse();
            assertThat(stream.vccStatus().tokenExpiresAtMs()).isZero();
        }
    }
}
