package org.trafficsafety.source.vcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.MapData;
import org.trafficsafety.message.Psm;
import org.trafficsafety.message.VruType;

class RepeatFilterTest {

    private static Bsm bsm(long id, int msgCnt, int secMark, long timestamp) {
        return new Bsm(id, msgCnt, secMark, timestamp, timestamp, 38.9, -77.2, Double.NaN, 5, 90, 0, 0, 0, 0, 4.8,
                1.8, "test");
    }

    private static Psm psm(long id, int msgCnt, int secMark, long timestamp) {
        return new Psm(id, msgCnt, secMark, timestamp, timestamp, VruType.PEDESTRIAN, 38.9, -77.2, Double.NaN, 1.4,
                0, "test");
    }

    @Property
    void shouldFlagExactlyTheMessagesSeenBeforeWithinTheWindow(
            @ForAll @Size(max = 400) List<@LongRange(min = 0, max = 20) Long> ids,
            @ForAll @IntRange(min = 0, max = 3) int msgCntSpread) {
        RepeatFilter filter = new RepeatFilter(Duration.ofSeconds(30));
        Set<List<Long>> seen = new HashSet<>();
        int i = 0;
        for (long id : ids) {
            int msgCnt = (int) ((id * 7 + i++) % (msgCntSpread + 1));
            List<Long> identity = List.of(id, (long) msgCnt);
            boolean expected = !seen.add(identity);

            assertThat(filter.isRepeat(bsm(id, msgCnt, 1000, 1_700_000_000_000L), 0)).isEqualTo(expected);
        }
    }

    @Test
    void shouldTellApartEveryFieldOfTheIdentity() {
        RepeatFilter filter = new RepeatFilter(Duration.ofSeconds(30));
        long ts = 1_700_000_000_000L;

        assertThat(filter.isRepeat(bsm(4_294_967_295L, 127, 59_999, ts), 0)).isFalse();
        assertThat(filter.isRepeat(bsm(4_294_967_295L, 127, 59_999, ts), 0)).isTrue();
        assertThat(filter.isRepeat(bsm(4_294_967_294L, 127, 59_999, ts), 0)).isFalse();
        assertThat(filter.isRepeat(bsm(4_294_967_295L, 126, 59_999, ts), 0)).isFalse();
        assertThat(filter.isRepeat(bsm(4_294_967_295L, 127, 59_998, ts), 0)).isFalse();
        assertThat(filter.isRepeat(bsm(4_294_967_295L, 127, 59_999, ts + 1), 0)).isFalse();
        assertThat(filter.isRepeat(psm(4_294_967_295L, 127, 59_999, ts), 0)).isFalse();
    }

    @Test
    void shouldForgetAfterTwoWindowsAndNeverFilterOtherTypes() {
        RepeatFilter filter = new RepeatFilter(Duration.ofSeconds(10));
        Bsm message = bsm(42, 1, 12_345, 1_700_000_000_000L);
        MapData map = new MapData(0, 0, 1, List.of());

        assertThat(filter.isRepeat(message, 0)).isFalse();
        assertThat(filter.isRepeat(message, 15_000)).isTrue();
        assertThat(filter.isRepeat(message, 36_000)).isFalse();
        assertThat(filter.isRepeat(map, 36_000)).isFalse();
        assertThat(filter.isRepeat(map, 36_000)).isFalse();
    }

    @Test
    void shouldKeepThousandsOfDistinctMessages() {
        RepeatFilter filter = new RepeatFilter(Duration.ofSeconds(30));
        for (int id = 0; id < 5_000; id++) {
            assertThat(filter.isRepeat(bsm(id, id % 128, id % 60_000, 1_700_000_000_000L + id), 0)).isFalse();
        }
        for (int id = 0; id < 5_000; id++) {
            assertThat(filter.isRepeat(bsm(id, id % 128, id % 60_000, 1_700_000_000_000L + id), 1)).isTrue();
        }
    }
}
