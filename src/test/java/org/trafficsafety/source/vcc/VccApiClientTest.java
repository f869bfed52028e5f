package org.trafficsafety.source.vcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.simulation.vccserver.FakeVccServer;

/** The real client against the real fake server on loopback. */
class VccApiClientTest {

    private static final String BSM_CURRENT = "/api/bsm/current";

    /** The server's clock: real time, plus a jump of {@code serverClockStepMs} at every reading. */
    private final AtomicLong serverClockStepMs = new AtomicLong();
    private final AtomicLong serverClockOffsetMs = new AtomicLong();
    private final FakeVccServer server = new FakeVccServer(FakeVccServer.Config.defaults("client", "secret"), 0,
            Optional.empty(), () -> Instant.ofEpochMilli(
                    System.currentTimeMillis() + serverClockOffsetMs.addAndGet(serverClockStepMs.get())));
    private final FakeTime time = new FakeTime(Instant.parse("2026-03-01T12:00:00Z"));
    private VccApiClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    private VccSettings settings(String secret) {
        return VccSettings.defaults(server.baseUrl(), "client", secret, VccMode.POLL)
                .withRetries(3, Duration.ofMillis(20), Duration.ofMillis(200))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    private VccApiClient clientOnFakeTime(VccSettings settings) {
        client = new VccApiClient(settings, time, time, new SplittableRandom(1));
        return client;
    }

    @Test
    void shouldFetchOneTokenAndReuseItUntilItIsDueForRenewal() {
        server.publish(MessageType.BSM, VccJson.bsm(42, 1, 12_345, 1_700_000_000_000L));
        VccApiClient api = clientOnFakeTime(settings("secret"));

        assertThat(api.get(BSM_CURRENT)).contains("\"id\":42");
        time.advance(Duration.ofMinutes(54));
        api.get(BSM_CURRENT);
        assertThat(server.requestCount("/api/auth/client")).isEqualTo(1);

        // 56 min after issue, 4 min before the 60 min expiry: inside the 5 min renewal margin
        time.advance(Duration.ofMinutes(2));
        Instant beforeRenewal = time.instant();
        api.get(BSM_CURRENT);

        assertThat(server.requestCount("/api/auth/client")).isEqualTo(2);
        assertThat(api.counters().snapshot().tokenRenewals()).isEqualTo(1);
        assertThat(api.tokenExpiresAt()).hasValueSatisfying(expiry -> assertThat(expiry)
                .isBetween(beforeRenewal.plus(Duration.ofHours(1)), time.instant().plus(Duration.ofHours(1))));
    }

    @Test
    void shouldRenewAShortLivedTokenAtHalfItsLifetimeRatherThanOnEveryRequest() {
        server.tokenLifetime(Duration.ofSeconds(120));
        VccApiClient api = clientOnFakeTime(settings("secret"));

        api.get(BSM_CURRENT);
        time.advance(Duration.ofSeconds(59));
        api.get(BSM_CURRENT);
        assertThat(server.requestCount("/api/auth/client")).isEqualTo(1);
        time.advance(Duration.ofSeconds(1));
        api.get(BSM_CURRENT);

        assertThat(server.requestCount("/api/auth/client")).isEqualTo(2);
    }

    @Test
    void shouldRenewTheTokenOnceAfterA401AndRepeatTheRequest() {
        VccApiClient api = clientOnFakeTime(settings("secret"));
        api.get(BSM_CURRENT);

        server.expireTokens();
        String body = api.get(BSM_CURRENT);

        assertThat(body).isEqualTo("[]");
        assertThat(server.requestCount(BSM_CURRENT)).isEqualTo(3);
        assertThat(server.requestCount("/api/auth/client")).isEqualTo(2);
        VccStatus.Counters counters = api.counters().snapshot();
        assertThat(counters.unauthorized()).isEqualTo(1);
        assertThat(counters.tokenRenewals()).isEqualTo(1);
    }

    @Test
    void shouldRetryServerErrorsWithGrowingJitteredPauses() {
        VccApiClient api = clientOnFakeTime(settings("secret").withMinRequestSpacing(Duration.ZERO));
        api.get(BSM_CURRENT);

        server.failNextRequests(3);
        assertThat(api.get(BSM_CURRENT)).isEqualTo("[]");

        assertThat(server.requestCount(BSM_CURRENT)).isEqualTo(5);
        assertThat(api.counters().snapshot().retries()).isEqualTo(3);
        // no request spacing here, so every sleep is a retry pause: base 20 ms, doubling, 50..100 % jitter
        List<Duration> retryPauses = time.sleeps();
        assertThat(retryPauses).hasSize(3);
        assertThat(retryPauses.get(0).toMillis()).isBetween(10L, 20L);
        assertThat(retryPauses.get(1).toMillis()).isBetween(20L, 40L);
        assertThat(retryPauses.get(2).toMillis()).isBetween(40L, 80L);
    }

    @Test
    void shouldRetryTooManyRequestsLikeAServerError() {
        VccApiClient api = clientOnFakeTime(settings("secret").withMinRequestSpacing(Duration.ZERO));
        api.get(BSM_CURRENT);

        server.failNextRequests(2, 429);

        assertThat(api.get(BSM_CURRENT)).isEqualTo("[]");
        assertThat(api.counters().snapshot().retries()).isEqualTo(2);
    }

    @Test
    void shouldSpaceRealRequestsByAtLeastTheMinimumInterval() {
        client = new VccApiClient(settings("secret").withMinRequestSpacing(Duration.ofMillis(100)),
                InstantSource.system(), Sleeper.SYSTEM, new SplittableRandom(1));

        for (int i = 0; i < 7; i++) {
            client.get(BSM_CURRENT);
        }

        List<Long> arrivals = server.requestArrivalsNanos();
        assertThat(arrivals).hasSize(8);
        // Measured at the server: the first two requests (auth, then the first GET) also open the connection, and
        // one late arrival can make the next gap look short, so check the span of the last 6 arrivals: 5 gaps of at
        // least 100 ms, less 30 ms for noise at its two ends (the exact gaps are checked in the RateLimiter test).
        long spanMs = Duration.ofNanos(arrivals.getLast() - arrivals.get(2)).toMillis();
        assertThat(spanMs).isGreaterThanOrEqualTo(470);
    }

    @Test
    void shouldBuildWebSocketAddressesFromTheBaseUrl() {
        VccApiClient api = clientOnFakeTime(settings("secret"));
        VccApiClient secure = new VccApiClient(VccSettings.defaults(VccSettings.PRODUCTION_URL, "c", "s",
                VccMode.STREAM), time, time, new SplittableRandom(1));

        assertThat(api.webSocketUri("/ws/bsm", "a b+c")).hasToString(
                "ws://127.0.0.1:" + server.port() + "/ws/bsm?key=a+b%2Bc");
        assertThat(secure.webSocketUri("/ws/psm", "K")).hasToString("wss://vcc.vtti.vt.edu/ws/psm?key=K");
        secure.close();
    }

    @Nested
    class Failures {

        @Test
        void refusedCredentialsAreReportedClearlyAndNotRetried() {
            VccApiClient api = clientOnFakeTime(settings("wrong"));

            assertThatThrownBy(() -> api.get(BSM_CURRENT))
                    .isInstanceOf(VccAuthenticationException.class)
                    .hasMessageContaining("refused the client credentials of client id 'client'")
                    .hasMessageContaining("HTTP 401")
                    .hasMessageContaining("VCC_CLIENT_SECRET");
            assertThat(server.requestCount("/api/auth/client")).isEqualTo(1);
            assertThat(server.requestCount(BSM_CURRENT)).isZero();
        }

        @Test
        void persistentServerErrorsFailAfterTheRetries() {
            VccApiClient api = clientOnFakeTime(settings("secret"));
            api.get(BSM_CURRENT);
            server.failNextRequests(100);

            assertThatThrownBy(() -> api.get(BSM_CURRENT))
                    .isInstanceOf(VccException.class)
                    .hasMessageContaining("HTTP 500 after 4 attempts")
                    .satisfies(e -> assertThat(((VccException) e).httpStatus()).isEqualTo(500));
            assertThat(server.requestCount(BSM_CURRENT)).isEqualTo(5);
        }

        @Test
        void slowAnswersTimeOutAndAreRetried() {
            VccApiClient api = clientOnFakeTime(settings("secret")
                    .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200))
                    .withRetries(1, Duration.ofMillis(10), Duration.ofMillis(10)));
            api.get(BSM_CURRENT);
            server.delayAnswers(Duration.ofMillis(700));

            assertThatThrownBy(() -> api.get(BSM_CURRENT))
                    .isInstanceOf(VccException.class)
                    .hasMessageContaining("failed after 2 attempts")
                    .hasMessageContaining("HttpTimeoutException");
            assertThat(api.counters().snapshot().retries()).isEqualTo(1);
        }

        @Test
        void aRepeated401IsNotRetriedForever() {
            VccApiClient api = clientOnFakeTime(settings("secret"));
            api.get(BSM_CURRENT);
            server.tokenLifetime(Duration.ofSeconds(1));
            server.expireTokens();
            // every server clock reading jumps 2 s, so each fresh 1 s token has expired when it is checked
            serverClockStepMs.set(2_000);

            assertThatThrownBy(() -> api.get(BSM_CURRENT))
                    .isInstanceOf(VccException.class)
                    .hasMessageContaining("401 even with a fresh token");
            assertThat(api.counters().snapshot().unauthorized()).isEqualTo(2);
        }

        @Test
        void otherClientErrorsAreNotRetried() {
            VccApiClient api = clientOnFakeTime(settings("secret"));

            assertThatThrownBy(() -> api.get("/api/nothing"))
                    .isInstanceOf(VccException.class)
                    .hasMessageContaining("HTTP 404");
            assertThat(server.requestCount("/api/nothing")).isEqualTo(1);
        }
    }
}
