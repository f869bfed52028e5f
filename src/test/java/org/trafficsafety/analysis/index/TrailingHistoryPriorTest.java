package org.trafficsafety.analysis.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trafficsafety.analysis.MinuteFeatures;
import org.trafficsafety.analysis.SafetyIndexRow;

class TrailingHistoryPriorTest {

    private static final long DAY = 86_400_000L;
    /** 2026-11-24 08:15 UTC: the minute whose prior is asked for (hour of day 8). */
    private static final long NOW = Instant.parse("2026-11-24T08:15:00Z").toEpochMilli();

    private final TrailingHistoryPrior prior = new TrailingHistoryPrior();

    private static SafetyIndexRow row(int intersection, long minuteStart, double vru, double vehicle) {
        double combined = 0.6 * vru + 0.4 * vehicle;
        return new SafetyIndexRow(new MinuteFeatures(intersection, minuteStart, 1, 0, 1, 0, 0, 0, 0),
                vru, vehicle, combined, vru, vehicle, combined, 0, 0, 1, "tsi-1");
    }

    @Test
    void shouldAverageHourlyMeansOfTheSameHourOnPreviousDays() {
        // intersection 156 at 08:xx on three previous days; day 1 has two minutes (vru 10 and 30, mean 20)
        // hourly vru means 20, 40, 60 -> prior vru = (20 + 40 + 60) / 3 = 40; vehicle 10 each day -> 10
        // combined per hour = 0.6 vru + 0.4 * 10 -> means 16, 28, 40 -> prior 28
        prior.onRow(row(156, NOW - DAY, 10, 10));
        prior.onRow(row(156, NOW - DAY + 60_000, 30, 10));
        prior.onRow(row(156, NOW - 2 * DAY, 40, 10));
        prior.onRow(row(156, NOW - 3 * DAY - 10 * 60_000, 60, 10));

        EbPrior p = prior.findPrior(156, NOW).orElseThrow();

        assertThat(p.vruIndex()).isCloseTo(40.0, within(1e-9));
        assertThat(p.vehicleIndex()).isCloseTo(10.0, within(1e-9));
        assertThat(p.combinedIndex()).isCloseTo(28.0, within(1e-9));
        assertThat(p.hours()).isEqualTo(3);
    }

    @Test
    void shouldFallBackToTheNetworkMeanWithFewerThanThreeOwnHours() {
        // 156 has 2 hours (vru 20, 40); 158 has 1 hour (vru 90) at the same hour of day
        // own hours 2 < 3 -> network-wide mean over 3 hourly means = (20 + 40 + 90) / 3 = 50
        prior.onRow(row(156, NOW - DAY, 20, 0));
        prior.onRow(row(156, NOW - 2 * DAY, 40, 0));
        prior.onRow(row(158, NOW - DAY, 90, 0));

        EbPrior p = prior.findPrior(156, NOW).orElseThrow();

        assertThat(p.vruIndex()).isCloseTo(50.0, within(1e-9));
        assertThat(p.hours()).isEqualTo(3);
    }

    @Test
    void shouldHaveNoPriorWithoutHistoryAtThatHour() {
        // other hours of day, the minute's own hour (not complete yet) and day 29 do not count
        prior.onRow(row(156, NOW - DAY + 3_600_000L, 50, 50));
        prior.onRow(row(156, NOW - 60_000, 50, 50));
        prior.onRow(row(156, NOW - 29 * DAY, 50, 50));

        assertThat(prior.findPrior(156, NOW)).isEqualTo(Optional.empty());
        assertThat(prior.findPrior(3837, NOW)).isEmpty();
    }

    @Test
    void shouldIncludeTheTwentyEighthDay() {
        prior.onRow(row(156, NOW - 28 * DAY, 70, 0));

        assertThat(prior.findPrior(156, NOW).orElseThrow().vruIndex()).isCloseTo(70.0, within(1e-9));
    }
}
