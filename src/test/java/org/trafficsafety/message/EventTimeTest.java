package org.trafficsafety.message;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class EventTimeTest {

    private static final long T0 = 1_732_406_400_000L; // 2024-11-24T00:00:00Z

    @Property
    void secMarkResolvesWithin30SecondsOfReceiptAndKeepsItsSecMark(
            @ForAll @LongRange(min = 0, max = 4_000_000_000_000L) long receivedAtMs,
            @ForAll @IntRange(min = 0, max = 59_999) int secMark) {
        long t = EventTime.fromSecMark(secMark, receivedAtMs);

        assertThat(Math.abs(t - receivedAtMs)).isLessThanOrEqualTo(30_000L);
        assertThat(EventTime.secMarkOf(t)).isEqualTo(secMark);
    }

    @Property
    void timeMarkResolvesWithin30MinutesOfReceiptAndKeepsItsTenths(
            @ForAll @LongRange(min = 0, max = 4_000_000_000_000L) long receivedAtMs,
            @ForAll @IntRange(min = 0, max = 35_999) int tenths) {
        long t = EventTime.fromTimeMark(tenths, receivedAtMs);

        assertThat(Math.abs(t - receivedAtMs)).isLessThanOrEqualTo(1_800_000L);
        assertThat(EventTime.timeMarkOf(t)).isEqualTo(tenths);
    }

    @Test
    void shouldRollOverTheMinuteBothWays() {
        // received 00:00:59.900, secMark 200 -> 00:01:00.200 (0.3 s later), not 00:00:00.200
        assertThat(EventTime.fromSecMark(200, T0 + 59_900)).isEqualTo(T0 + 60_200);
        // received 00:01:00.100, secMark 59800 -> 00:00:59.800 (0.3 s earlier)
        assertThat(EventTime.fromSecMark(59_800, T0 + 60_100)).isEqualTo(T0 + 59_800);
        assertThat(EventTime.fromSecMark(12_345, T0 + 20_000)).isEqualTo(T0 + 12_345);
    }

    @Test
    void shouldFallBackToReceiptForUnavailableSecMarkAndUnknownTimeMarks() {
        assertThat(EventTime.fromSecMark(Bsm.SEC_MARK_UNAVAILABLE, T0 + 5)).isEqualTo(T0 + 5);
        assertThat(EventTime.fromTimeMark(36_000, T0)).isEqualTo(Spat.TIME_UNKNOWN);
        assertThat(EventTime.fromTimeMark(36_001, T0)).isEqualTo(Spat.TIME_UNKNOWN);
        assertThat(EventTime.timeMarkOf(Spat.TIME_UNKNOWN)).isEqualTo(36_001);
    }

    @Test
    void shouldParseOdeTimestampsWithMillisMicrosOrNoFraction() {
        // 2023-09-21T15:30:14.926500Z: 19621 days x 86400000 + 15:30:14.926
        assertThat(EventTime.parseIsoUtc("2023-09-21T15:30:14.926500Z", 0))
                .isEqualTo(19_621L * 86_400_000 + (15 * 3600 + 30 * 60 + 14) * 1000L + 926);
        assertThat(EventTime.parseIsoUtc("2024-11-24T00:00:00Z", 0)).isEqualTo(T0);
        assertThat(EventTime.parseIsoUtc("2024-11-24T01:00:00.5+01:00", 0)).isEqualTo(T0 + 500);
        assertThat(EventTime.parseIsoUtc("yesterday", 7)).isEqualTo(7);
        assertThat(EventTime.parseIsoUtc("", 8)).isEqualTo(8);
    }
}
