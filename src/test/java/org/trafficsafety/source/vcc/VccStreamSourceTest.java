package org.trafficsafety.source.vcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.Psm;
import org.trafficsafety.message.VccDecoder;
import org.trafficsafety.simulation.vccserver.FakeVccServer;

/** Stream mode end to end: the real WebSocket client against the fake server's sockets on loopback. */
class VccStreamSourceTest {

    private static final long T0 = 1_700_000_000_000L;

    private final FakeVccServer server = new FakeVccServer(
            new FakeVccServer.Config("client", "secret", Duration.ofHours(1), Duration.ofMillis(100),
                    Duration.ofSeconds(5)),
            0, Optional.empty(), InstantSource.system());
    private final RecordingListener listener = new RecordingListener();
    private VccStreamSource source;

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
        server.close();
    }

    private void start(Duration silentTimeout) {
        startWithSecret("secret", silentTimeout);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.openSockets() == 2 && source.vccStatus().connected());
    }

    private void startWithSecret(String secret, Duration silentTimeout) {
        VccSettings settings = VccSettings.defaults(server.baseUrl(), "client", secret, VccMode.STREAM)
                .withIntervals(Duration.ofSeconds(30), Duration.ofHours(1))
                .withMinRequestSpacing(Duration.ofMillis(5))
                .withRetries(2, Duration.ofMillis(20), Duration.ofMillis(100))
                .withReconnect(silentTimeout, Duration.ofMillis(500));
        VccApiClient api = new VccApiClient(settings, InstantSource.system(), Sleeper.SYSTEM, new SplittableRandom(5));
        source = new VccStreamSource(api, new VccDecoder());
        source.start(listener);
    }

    private void publishBsms(long fromId, long toId) {
        for (long id = fromId; id <= toId; id++) {
            server.publish(MessageType.BSM, VccJson.bsm(id, (int) (id % 128), (int) (id * 10 % 60_000), T0 + id));
        }
    }

    @Test
    void shouldDeliverStreamedMessagesAndCountKeepAlives() {
        start(Duration.ofSeconds(5));

        publishBsms(1, 20);
        server.publish(MessageType.PSM, VccJson.psm(3_000_000_000L, 1, 500, T0));

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.of(Bsm.class).size() == 20
                && listener.of(Psm.class).size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> source.vccStatus().counters().keepAlives() >= 4);
        assertThat(listener.of(Bsm.class)).extracting(Bsm::id).containsExactlyElementsOf(
                LongStream.rangeClosed(1, 20).boxed().toList());
        assertThat(server.requestCount("/api/bsm/key")).isEqualTo(1);
        assertThat(server.requestCount("/api/spat")).isEqualTo(1);
        assertThat(source.vccStatus().counters().reconnects()).isZero();
    }

    @Test
    void shouldReconnectWithAFreshKeyAfterADropAndLoseOrDoubleNothingThatTheServerReplays() {
        server.replayOnConnect(50);
        start(Duration.ofSeconds(5));
        publishBsms(1, 10);
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.of(Bsm.class).size() == 10);

        server.dropSockets();
        publishBsms(11, 20);

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.of(Bsm.class).size() >= 20);
        publishBsms(21, 25);
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.of(Bsm.class).size() >= 25);
        assertThat(listener.of(Bsm.class)).extracting(Bsm::id)
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 25).boxed().toList());
        VccStatus status = source.vccStatus();
        assertThat(status.counters().reconnects()).isGreaterThanOrEqualTo(2);
        assertThat(status.counters().repeatsDropped()).isGreaterThanOrEqualTo(10);
        assertThat(server.requestCount("/api/bsm/key")).isGreaterThanOrEqualTo(2);
        assertThat(server.requestCount("/api/psm/key")).isGreaterThanOrEqualTo(2);
        assertThat(status.lastError()).contains("reconnecting with a fresh key");
    }

    @Test
    void shouldReconnectASilentSocket() {
        start(Duration.ofMillis(600));

        server.silenceSockets(true);
        await().atMost(Duration.ofSeconds(5)).until(() -> source.vccStatus().counters().silentSockets() >= 1);
        server.silenceSockets(false);
        await().atMost(Duration.ofSeconds(5)).until(() -> source.vccStatus().connected());
        publishBsms(1, 3);

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.of(Bsm.class).size() == 3);
        assertThat(source.vccStatus().counters().reconnects()).isGreaterThanOrEqualTo(1);
        assertThat(source.vccStatus().lastError()).contains("sent no frame for");
    }

    @Test
    void shouldRecoverWhenTheTokenExpiresMidSession() {
        start(Duration.ofSeconds(5));

        server.replayOnConnect(2);
        server.expireTokens();
        server.dropSockets();
        publishBsms(1, 2);

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.of(Bsm.class).size() == 2);
        assertThat(source.vccStatus().counters().unauthorized()).isGreaterThanOrEqualTo(1);
        assertThat(source.vccStatus().counters().tokenRenewals()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldReportRefusedCredentialsAndBackOff() throws InterruptedException {
        startWithSecret("wrong", Duration.ofSeconds(5));

        Thread.sleep(1_500);

        VccStatus status = source.vccStatus();
        assertThat(status.connected()).isFalse();
        assertThat(status.lastError()).contains("refused the client credentials of client id 'client'");
        // two channels and the SPaT poller, each backing off from 20 ms (channels, doubling to 500 ms) or
        // 30 s (poller); without backoff 1.5 s would allow hundreds of attempts
        assertThat(server.requestCount("/api/auth/client")).isBetween(3L, 16L);
        assertThat(server.openSockets()).isZero();
        assertThat(listener.messages()).isEmpty();
    }

    @Test
    void shouldMakeNoCallbacksAfterClose() throws InterruptedException {
        start(Duration.ofSeconds(5));
        publishBsms(1, 5);
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.of(Bsm.class).size() == 5);

        source.close();
        publishBsms(6, 10);
        Thread.sleep(500);

        assertThat(listener.of(Bsm.class)).hasSize(5);
        assertThat(server.openSockets()).isZero();
    }
}
