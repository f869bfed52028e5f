package org.trafficsafety.analysis.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.RoadUserKind;

/** Encounter bookkeeping the analysis engine relies on: merging, closing time, open-encounter start, identity. */
class EncounterTest {

    private static final long T0 = 1_700_000_000_000L;

    private final ConflictDetector detector = new ConflictDetector(7, Scenario.FRAME, ConflictParameters.defaults());
    private final List<ConflictEvent> events = new ArrayList<>();

    /** The crossing of PostEncroachmentTest with PET 0.52 s: flags at several samples of car 2 around 4.9 s. */
    private void crossing(long firstId, RoadUserKind firstKind, long secondId) {
        for (int k = 0; k <= 100; k++) {
            double t = k * 0.1;
            detector.observe(new RoadUserObservation(firstId, firstKind, T0 + k * 100L, -40 + 10 * t, 0,
                    10, 90, Double.NaN, Double.NaN, 4.8, 1.9), events::add);
            detector.observe(new RoadUserObservation(secondId, RoadUserKind.VEHICLE, T0 + k * 100L + 50, 0,
                    10 * (t + 0.05 - 5.2), 10, 0, Double.NaN, Double.NaN, 4.8, 1.9), events::add);
        }
    }

    @Test
    void shouldMergeFlagsIntoOneEventClosedJustAfterFiveQuietSecondsBehindTheLagAndTheSlowestSample() {
        crossing(1, RoadUserKind.VEHICLE, 2);
        assertThat(events).isEmpty();
        long openStart = detector.earliestOpenEncounterStartMs();
        assertThat(openStart).isLessThan(T0 + 10_100);

        long closedAt = 0;
        for (long now = T0 + 10_100; events.isEmpty() && now < T0 + 20_000; now += 10) {
            detector.advanceTo(now, events::add);
            closedAt = now;
        }

        assertThat(events).hasSize(1);
        ConflictEvent e = events.getFirst();
        assertThat(e.startMs()).isEqualTo(openStart);
        assertThat(e.endMs()).isGreaterThan(e.startMs());
        // five quiet seconds at the instants TTC has reached, which trail event time by the 3 s smoothing lag and
        // by up to the 3 s gap reset of the slower user's samples
        assertThat(closedAt - e.endMs()).isBetween(11_001L, 11_010L);
        assertThat(detector.earliestOpenEncounterStartMs()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shouldTreatVehicleAndVruWithTheSameIdAsDifferentUsers() {
        // Vehicle 2 crosses the path of vehicle 1; a pedestrian also numbered 1 walks far away.
        detector.observe(new RoadUserObservation(1, RoadUserKind.PEDESTRIAN, T0, 60, 60, 1.4, 0, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN), events::add);
        crossing(1, RoadUserKind.VEHICLE, 2);
        detector.flush(events::add);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.firstKind()).isEqualTo(RoadUserKind.VEHICLE);
            assertThat(e.firstId()).isEqualTo(1);
            assertThat(e.secondId()).isEqualTo(2);
        });
    }

    @Test
    void shouldOrderVehiclePairsByUnsignedId() {
        // 0xFFFFFFFF is the larger TemporaryID although it is the smaller signed int.
        crossing(0xFFFF_FFFFL, RoadUserKind.VEHICLE, 5);
        detector.flush(events::add);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.firstId()).isEqualTo(5);
            assertThat(e.secondId()).isEqualTo(0xFFFF_FFFFL);
        });
    }

    @Test
    void shouldCountAndSkipSamplesOlderThanTheirUsersLast() {
        detector.observe(new RoadUserObservation(9, RoadUserKind.VEHICLE, T0 + 1_000, 0, 0, 10, 90, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN), events::add);
        detector.observe(new RoadUserObservation(9, RoadUserKind.VEHICLE, T0 + 900, 0, 0, 10, 90, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN), events::add);

        assertThat(detector.outOfOrderCount()).isEqualTo(1);
        assertThat(detector.trackedUserCount()).isEqualTo(1);
    }

    @Test
    void shouldForgetUsersSilentLongerThanTheRetention() {
        detector.observe(new RoadUserObservation(9, RoadUserKind.VEHICLE, T0, 0, 0, 10, 90, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN), events::add);
        detector.advanceTo(T0 + 5_000, events::add);
        assertThat(detector.trackedUserCount()).isEqualTo(1);

        detector.advanceTo(T0 + 5_600, events::add);
        assertThat(detector.trackedUserCount()).isZero();
    }
}
