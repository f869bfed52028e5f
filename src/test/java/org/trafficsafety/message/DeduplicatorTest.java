package org.trafficsafety.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

    private static final long T0 = 1_732_406_400_000L;

    private static Bsm bsm(long id, int msgCnt, int secMark, long receivedAtMs) {
        return new Bsm(id, msgCnt, secMark, receivedAtMs, receivedAtMs, 38.9, -77.2, Double.NaN, 10, 90, 0, 0, 0, 0,
                4.5, 1.8, "test");
    }

    private static Psm psm(long id, int msgCnt, int secMark, long receivedAtMs) {
        return new Psm(id, msgCnt, secMark, receivedAtMs, receivedAtMs, VruType.PEDESTRIAN, 38.9, -77.2, Double.NaN,
                1.2, 90, "test");
    }

    @Test
    void shouldRejectTheSameMessageWithinTwoSecondsAndPassItAfterwards() {
        Collected out = new Collected();
        Deduplicator dedup = new Deduplicator(out);

        dedup.onMessage(bsm(7, 1, 100, T0));
        dedup.onMessage(bsm(7, 1, 100, T0 + 1_999));
        dedup.onMessage(bsm(7, 1, 100, T0 + 4_000));

        assertThat(out.messages).extracting(Message::receivedAtMs).containsExactly(T0, T0 + 4_000);
        assertThat(out.rejections).containsExactly(new Collected.Rejection(MessageType.BSM, RejectReason.DUPLICATE,
                "same id, msgCnt and secMark within 2 s"));
    }

    @Test
    void shouldKeepMessagesThatDifferInTypeIdCountOrSecMark() {
        Collected out = new Collected();
        Deduplicator dedup = new Deduplicator(out);

        for (Message m : List.of(bsm(7, 1, 100, T0), psm(7, 1, 100, T0), bsm(8, 1, 100, T0), bsm(7, 2, 100, T0),
                bsm(7, 1, 101, T0), bsm(0xFFFF_FFFFL, 127, 65535, T0))) {
            dedup.onMessage(m);
        }

        assertThat(out.messages).hasSize(6);
        assertThat(out.rejections).isEmpty();
    }

    @Test
    void shouldPassMapDataSpatAndUpstreamRejectionsThrough() {
        Collected out = new Collected();
        Deduplicator dedup = new Deduplicator(out);
        Spat spat = new Spat(T0, T0, List.of());

        dedup.onMessage(spat);
        dedup.onMessage(spat);
        dedup.onRejected(null, RejectReason.MALFORMED, "x");

        assertThat(out.messages).containsExactly(spat, spat);
        assertThat(out.rejections).extracting(Collected.Rejection::reason).containsExactly(RejectReason.MALFORMED);
    }

    @Test
    void shouldStayBoundedAndNeverDropADistinctMessageWhenTheTableOverflows() {
        Collected out = new Collected();
        Deduplicator dedup = new Deduplicator(out, 64);

        for (int i = 0; i < 10_000; i++) {
            dedup.onMessage(bsm(i, i % 128, i % 60_000, T0 + i));
        }

        assertThat(out.messages).hasSize(10_000);
        assertThat(out.rejections).isEmpty();
    }

    @Property(tries = 200)
    void aRepeatIsADuplicateExactlyWhenItComesWithinTheWindow(@ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long id,
                                                             @ForAll @IntRange(min = 0, max = 127) int msgCnt,
                                                             @ForAll @IntRange(min = 0, max = 59_999) int secMark,
                                                             @ForAll @IntRange(min = 0, max = 5_000) int gapMs) {
        Collected out = new Collected();
        Deduplicator dedup = new Deduplicator(out);

        dedup.onMessage(bsm(id, msgCnt, secMark, T0));
        dedup.onMessage(bsm(id, msgCnt, secMark, T0 + gapMs));

        assertThat(out.rejections).hasSize(gapMs < Deduplicator.WINDOW_MS ? 1 : 0);
    }

    @Test
    void shouldPackKeysWithoutCollisions() {
        assertThat(Deduplicator.pack(0, 0xFFFF_FFFFL, 127, 65535)).isNotEqualTo(Deduplicator.pack(1, 0xFFFF_FFFFL, 127, 65535));
        assertThat(Deduplicator.pack(0, 1, 0, 0)).isNotEqualTo(Deduplicator.pack(0, 0, 127, 65535));
    }
}
