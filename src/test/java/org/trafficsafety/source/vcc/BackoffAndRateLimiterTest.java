package org.trafficsafety.source.vcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffAndRateLimiterTest {

    @Test
    void shouldDoubleTheDelayPerRetryWithinTheJitterBandAndCapIt() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), new SplittableRandom(42));

        // ceilings: 100, 200, 400, 800, then the 1000 ms cap; jitter keeps each delay in [50 %, 100 %] of it
        long[] ceilings = {100, 200, 400, 800, 1000, 1000, 1000};
        for (int attempt = 0; attempt < ceilings.length; attempt++) {
            assertThat(backoff.delay(attempt).toMillis()).isBetween(ceilings[attempt] / 2, ceilings[attempt]);
        }
    }

    @Test
    void shouldGiveTheSameDelaysForTheSameSeed() {
        Backoff first = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), new SplittableRandom(7));
        Backoff second = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), new SplittableRandom(7));

        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(first.delay(attempt)).isEqualTo(second.delay(attempt));
        }
    }

    @Test
    void shouldSpaceRequestsByTheMinimumInterval() throws InterruptedException {
        FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));
        RateLimiter limiter = new RateLimiter(Duration.ofMillis(100), time, time);

        limiter.acquire();
        time.advance(Duration.ofMillis(30));
        limiter.acquire();
        limiter.acquire();
        time.advance(Duration.ofMillis(500));
        limiter.acquire();

        // second request waits 100 - 30 = 70 ms, third a full 100 ms, the fourth (500 ms later) not at all
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(70), Duration.ofMillis(100));
    }

    @Test
    void shouldRecogniseKeepAliveFrames() {
        assertThat(StreamChannel.isEmptyArray("[]")).isTrue();
        assertThat(StreamChannel.isEmptyArray(" [ \n ] ")).isTrue();
        assertThat(StreamChannel.isEmptyArray("[{}]")).isFalse();
        assertThat(StreamChannel.isEmptyArray("")).isFalse();
        assertThat(StreamChannel.isEmptyArray("[] x")).isFalse();
    }

    @Test
    void shouldAcceptSocketKeysAsPlainTextOrAsJsonStrings() {
        assertThat(StreamChannel.unquote("abc123")).isEqualTo("abc123");
        assertThat(StreamChannel.unquote("\"abc123\"")).isEqualTo("abc123");
        assertThat(StreamChannel.unquote("\"")).isEqualTo("\"");
    }
}
