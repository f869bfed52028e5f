package org.trafficsafety.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RejectionCountsTest {

    @Test
    void shouldCountByTypeAndReasonWithUnknownTypesLabelled() {
        RejectionCounts counts = new RejectionCounts();
        MessageListener listener = counts.counting(new Collected());

        Collected.resource("ode/mixed.jsonl").lines().forEach(line -> MessageDecoders.auto().decode(line, 0L, listener));

        // mixed.jsonl: a good v8 BSM, a non-JSON line, a TravelerInformation, a v9 BSM at latitude 95,
        // and a PSM cut off after 200 characters
        assertThat(counts.snapshot()).isEqualTo(Map.of(
                new RejectionCounts.Key("bsm", "out_of_range"), 1L,
                new RejectionCounts.Key("unknown", "malformed"), 2L,
                new RejectionCounts.Key("unknown", "unknown_type"), 1L));
        assertThat(counts.total()).isEqualTo(4);
    }

    @Test
    void shouldNotLoseCountsUnderConcurrentProducers() throws InterruptedException {
        RejectionCounts counts = new RejectionCounts();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 10_000; i++) {
                    counts.record(MessageType.PSM, RejectReason.DUPLICATE);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(counts.count(MessageType.PSM, RejectReason.DUPLICATE)).isEqualTo(40_000);
        assertThat(counts.count(MessageType.BSM, RejectReason.DUPLICATE)).isZero();
    }
}
