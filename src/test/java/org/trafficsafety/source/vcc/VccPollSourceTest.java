package org.trafficsafety.source.vcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.MapData;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.Psm;
import org.trafficsafety.message.RejectReason;
import org.trafficsafety.message.Spat;
import org.trafficsafety.message.VccDecoder;
import org.trafficsafety.simulation.vccserver.FakeVccServer;

/** Poll mode end to end: the real client polling the fake server on loopback, short intervals. */
class VccPollSourceTest {

    private static final long T0 = 1_700_000_000_000L;

    private final FakeVccServer server = new FakeVccServer(
            FakeVccServer.Config.defaults("client", "secret"), 0, Optional.empty(), InstantSource.system());
    private final RecordingListener listener = new RecordingListener();
    private VccPollSource source;

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
        server.close();
    }

    private VccPollSource start(String secret, Duration interval) {
        VccSettings settings = VccSettings.defaults(server.baseUrl(), "client", secret, VccMode.POLL)
                .withIntervals(interval, Duration.ofHours(1))
                .withMinRequestSpacing(Duration.ofMillis(5))
                .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(50))
                .withReconnect(Duration.ofSeconds(1), Duration.ofSeconds(5));
        VccApiClient api = new VccApiClient(settings, InstantSource.system(), Sleeper.SYSTEM, new SplittableRandom(3));
        source = new VccPollSource(api, new VccDecoder());
        source.start(listener);
        return source;
    }

    @Test
    void shouldCollectEveryTypeAndDropMessagesStillInTheNextSnapshot() {
        server.publish(MessageType.MAPDATA, VccJson.mapData(156));
        server.publish(MessageType.SPAT, VccJson.spat(156, T0 + 5_000));
        for (int id = 1; id <= 3; id++) {
            server.publish(MessageType.BSM, VccJson.bsm(id, 1, 10_000, T0));
        }
        server.publish(MessageType.PSM, VccJson.psm(4_000_000_000L, 7, 11_000, T0));

        start("secret", Duration.ofMillis(150));

        await().atMost(Duration.ofSeconds(5)).until(() -> server.requestCount("/api/spat") >= 3);
        assertThat(listener.of(Bsm.class)).extracting(Bsm::id).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(listener.of(Psm.class)).extracting(Psm::id).containsExactly(4_000_000_000L);
        assertThat(listener.of(MapData.class)).hasSize(1);
        assertThat(listener.of(Spat.class)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(server.requestCount("/api/mapdata/decoded")).isEqualTo(1);
        VccStatus status = source.vccStatus();
        assertThat(status.connected()).isTrue();
        assertThat(status.counters().repeatsDropped()).isGreaterThanOrEqualTo(8);
        assertThat(status.lastMessageAtMs()).containsKeys(MessageType.BSM, MessageType.PSM, MessageType.MAPDATA,
                MessageType.SPAT);
        assertThat(status.tokenExpiresAtMs()).isGreaterThan(System.currentTimeMillis());
        assertThat(source.status().counters()).containsEntry("messages", status.counters().messages());
    }

    @Test
    void shouldPickUpNewMessagesAndRideOutServerErrors() {
        start("secret", Duration.ofMillis(100));
        await().atMost(Duration.ofSeconds(5)).until(() -> server.requestCount("/api/spat") >= 1);

        server.failNextRequests(2);
        server.publish(MessageType.BSM, VccJson.bsm(9, 1, 20_000, T0));
        server.publish(MessageType.BSM, VccJson.bsm(10, 2, 20_100, T0 + 100));

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.of(Bsm.class).size() == 2);
        assertThat(source.vccStatus().counters().retries()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldCountMessagesTheDecoderRejects() {
        server.publish(MessageType.BSM, VccJson.bsm(5, 1, 10_000, T0).replace("\"lat\":38.9284", "\"lat\":91.5"));
        server.publish(MessageType.BSM, VccJson.bsm(6, 1, 10_000, T0));

        start("secret", Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.of(Bsm.class).size() == 1);
        assertThat(listener.rejections()).containsExactly(RejectReason.OUT_OF_RANGE);
        assertThat(source.vccStatus().counters().rejected()).isEqualTo(1);
        assertThat(source.status().counters()).containsEntry("rejected", 1L);
    }

    @Test
    void shouldReportRefusedCredentialsAndBackOffInsteadOfRetryingInATightLoop() throws InterruptedException {
        start("wrong", Duration.ofMillis(50));

        Thread.sleep(1_500);

        VccStatus status = source.vccStatus();
        assertThat(status.connected()).isFalse();
        assertThat(status.lastError()).contains("refused the client credentials of client id 'client'")
                .contains("next in");
        // 1.5 s at a 50 ms interval would be 30 attempts; backoff from 50 ms doubling (jittered) allows at most 6
        assertThat(server.requestCount("/api/auth/client")).isBetween(2L, 6L);
        assertThat(listener.messages()).isEmpty();
        assertThat(source.status().connected()).isFalse();
        assertThat(source.status().lastError()).contains("VCC_CLIENT_SECRET");
    }
}
