package org.trafficsafety.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.trafficsafety.analysis.EngineFixtures.F156;
import static org.trafficsafety.analysis.EngineFixtures.F3837;
import static org.trafficsafety.analysis.EngineFixtures.T0;
import static org.trafficsafety.analysis.EngineFixtures.bsm;
import static org.trafficsafety.analysis.EngineFixtures.engine;
import static org.trafficsafety.analysis.EngineFixtures.psm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trafficsafety.analysis.geometry.LocalFrame;
import org.trafficsafety.analysis.index.EbPrior;
import org.trafficsafety.analysis.index.NormalizationConstants;
import org.trafficsafety.analysis.index.TrailingHistoryPrior;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MapData;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.RejectReason;
import org.trafficsafety.message.Spat;
import org.trafficsafety.tools.SyntheticTraffic;

class AnalysisEngineTest {

    private final RecordingListener out = new RecordingListener();
    private final AnalysisEngine engine = engine(out);

    @Nested
    class MinuteClosing {

        @Test
        void shouldCloseAMinuteOnceTheWatermarkPassesItsEndPlusTheLateness() {
            engine.onMessage(bsm(1, T0 + 1_000, -50, -1.8, 10));
            engine.onMessage(bsm(2, T0 + 2_000, -40, -1.8, 14));
            engine.onMessage(bsm(1, T0 + 69_999, 0, -1.8, 10));
            assertThat(out.rows).isEmpty();

            // watermark T0 + 70 s: frontier = 70 - 10 = 60 s = the minute's end
            engine.onMessage(bsm(1, T0 + 70_000, 1, -1.8, 10));

            assertThat(out.rows).hasSize(1);
            SafetyIndexRow row = out.rows.get(0);
            assertThat(row.intersectionId()).isEqualTo(156);
            assertThat(row.minuteStartMs()).isEqualTo(T0);
            assertThat(row.features().trafficVolume()).isEqualTo(2);
            assertThat(row.features().avgSpeedMps()).isEqualTo(12.0);
            assertThat(row.hourOfDay()).isEqualTo(8);
            assertThat(row.dayOfWeek()).isEqualTo(1);
            assertThat(row.formulaVersion()).isEqualTo("tsi-1");
        }

        @Test
        void shouldEmitNoRowForAMinuteWithoutRoadUsers() {
            engine.onMessage(bsm(1, T0 + 1_000, 0, 0, 10));
            engine.onMessage(bsm(1, T0 + 150_000, 0, 0, 10));
            engine.flush();

            assertThat(out.rows).extracting(SafetyIndexRow::minuteStartMs).containsExactly(T0, T0 + 120_000);
        }

        @Test
        void shouldCloseEverythingOnFlushAndTreatLaterMessagesOfClosedMinutesAsLate() {
            engine.onMessage(bsm(1, T0 + 1_000, 0, 0, 10));
            engine.flush();
            engine.onMessage(bsm(2, T0 + 59_000, 0, 0, 10));

            assertThat(out.rows).hasSize(1);
            assertThat(out.late).hasSize(1);
        }

        @Test
        void shouldCloseQuietIntersectionsOnAHeartbeat() {
            engine.onMessage(bsm(1, T0 + 1_000, 0, 0, 10));
            engine.advanceTo(T0 + 69_000);
            assertThat(out.rows).isEmpty();

            engine.advanceTo(T0 + 70_000);

            assertThat(out.rows).hasSize(1);
        }
    }

    @Nested
    class Conflicts {

        /**
         * rear-end-approach.json placed at 55 s into the minute: a follower at 13 m/s closes at 8 m/s on a leader at
         * 5 m/s from 10 m (TTC 1.25 s), brakes at 7 m/s^2 after 0.5 s and then follows at 5 m/s; 10 Hz, until 80 s.
         */
        private void feedRearEndUntil(long untilMs) {
            long start = T0 + 55_000;
            double leader = -30;
            double follower = -44.8;
            double followerSpeed = 13;
            for (long t = start; t <= untilMs; t += 100) {
                engine.onMessage(bsm(701, t, leader, -1.75, 5));
                engine.onMessage(bsm(702, t, follower, -1.75, followerSpeed));
                double elapsed = (t - start) / 1000.0;
                double accel = elapsed >= 0.5 && followerSpeed > 5 ? -7 : 0;
                follower += followerSpeed * 0.1 + 0.5 * accel * 0.01;
                followerSpeed = Math.max(5, followerSpeed + accel * 0.1);
                leader += 0.5;
            }
        }

        @Test
        void shouldCountTheEventInItsStartMinuteAndEmitItBeforeThatMinutesRow() {
            feedRearEndUntil(T0 + 80_000);

            assertThat(out.events).hasSize(1);
            ConflictEvent event = out.events.get(0);
            assertThat(event.type()).isEqualTo(ConflictType.REAR_END);
            assertThat(event.firstId()).isEqualTo(701);
            assertThat(event.startMs()).isBetween(T0 + 55_000, T0 + 59_999);
            SafetyIndexRow firstMinute = out.rows.get(0);
            assertThat(firstMinute.minuteStartMs()).isEqualTo(T0);
            assertThat(firstMinute.features().vehicleEventCount()).isEqualTo(1);
            assertThat(firstMinute.features().vruEventCount()).isZero();
            assertThat(out.all.indexOf(event)).isLessThan(out.all.indexOf(firstMinute));
        }

        @Test
        void shouldHoldAMinuteOpenWhileAnEncounterThatStartedInItIsOpen() {
            // watermark 70.5 s: frontier 60.5 s is past the minute's end, but the encounter's last flag (~56.5 s)
            // is less than 5 s (the merge gap) behind, so the encounter and hence the minute stay open
            feedRearEndUntil(T0 + 70_500);

            assertThat(out.events).isEmpty();
            assertThat(out.rows).isEmpty();
        }
    }

    @Nested
    class Lateness {

        @Test
        void shouldAnalyzeMessagesWithinTheLatenessAndReportOlderOnes() {
            engine.onMessage(bsm(1, T0 + 30_000, 0, 0, 10));
            engine.onMessage(bsm(2, T0 + 20_000, 5, 0, 10)); // 10 s behind the watermark: still in time
            engine.onMessage(bsm(3, T0 + 19_999, 9, 0, 10)); // 10.001 s behind: late
            engine.flush();

            assertThat(out.late).extracting(Message::eventTimeMs).containsExactly(T0 + 19_999);
            assertThat(out.rows.get(0).features().trafficVolume()).isEqualTo(2);
            assertThat(engine.counters().late()).isEqualTo(1);
            assertThat(engine.counters().analyzed()).isEqualTo(2);
        }

        @Test
        void shouldKeepOneWatermarkPerIntersection() {
            // 3837 runs an hour ahead (another feed's clock); 156's messages are not late because of it
            engine.onMessage(bsm(F3837, 9, T0 + 3_600_000, 0, 0, 10, 90));
            engine.onMessage(bsm(1, T0 + 1_000, 0, 0, 10));
            engine.flush();

            assertThat(out.late).isEmpty();
            assertThat(out.rows).extracting(SafetyIndexRow::intersectionId).containsExactly(156, 3837);
        }
    }

    @Test
    void shouldCountWhatItDoesNotAnalyze() {
        engine.onMessage(bsm(1, T0, 0, 500, 10)); // 500 m north of 156: in no zone
        engine.onMessage(new Spat(T0, T0, List.of()));
        engine.onRejected(MessageType.BSM, RejectReason.MALFORMED, "not JSON");
        engine.flush();

        AnalysisCounters c = engine.counters();
        assertThat(c.outsideZones()).isEqualTo(1);
        assertThat(c.spat()).isEqualTo(1);
        assertThat(c.rejected()).isEqualTo(1);
        assertThat(c.analyzed()).isZero();
        assertThat(out.rows).isEmpty();
    }

    @Test
    void shouldCountVrusAndRoadUsersSeparately() {
        engine.onMessage(psm(4_000_000_001L, T0 + 500, 10, 12));
        engine.onMessage(psm(4_000_000_001L, T0 + 1_500, 10, 13));
        engine.onMessage(bsm(4_000_000_001L, T0 + 1_500, -60, -1.8, 12));
        engine.flush();

        assertThat(out.rows.get(0).features().vruCount()).isEqualTo(1);
        assertThat(out.rows.get(0).features().trafficVolume()).isEqualTo(1);
    }

    /**
     * A car east at 8 m/s along y = -1.75 m; a pedestrian at x = 20 walks north at 1.2 m/s and stops at y = -4 at
     * 7 s, just as the car passes (x 17.1 at 7.1 s): walking on, it would touch the car's side (its centre at
     * y = -3.2) at 7.7 s, so TTC falls from 3 s at about 4.7 s to 0.8 s at 6.9 s (0.92 m to go at 1.2 m/s). The
     * paths never meet (no PET). Returns the
     * events of an engine given the MapData first (or none).
     */
    private List<ConflictEvent> pedestrianStoppingShortOfTheCar(Optional<MapData.IntersectionGeometry> geometry) {
        RecordingListener events = new RecordingListener();
        AnalysisEngine analysis = engine(events);
        geometry.ifPresent(g -> analysis.onMessage(new MapData(T0, T0, 1, List.of(g))));
        for (long ms = 0; ms <= 12_000; ms += 100) {
            double t = ms / 1000.0;
            analysis.onMessage(bsm(801, T0 + ms, -40 + 8 * t, -1.75, 8));
            boolean walking = t < 7.0;
            double y = walking ? -4 - 1.2 * (7.0 - t) : -4;
            analysis.onMessage(new org.trafficsafety.message.Psm(802, (int) (ms / 100 % 128), (int) (ms % 60_000), T0 + ms,
                    T0 + ms + 50, org.trafficsafety.message.VruType.PEDESTRIAN, F156.latitude(y), F156.longitude(20), 0,
                    walking ? 1.2 : 0, 0, "test"));
        }
        analysis.flush();
        return events.events;
    }

    /** Intersection 156's MapData with one eastbound lane along y = northM, 3.5 m wide. */
    private static MapData.IntersectionGeometry eastboundLane(double northM) {
        MapData.Lane lane = new MapData.Lane(1, MapData.LaneType.VEHICLE, true, false, 1, 0,
                List.of(new MapData.GeoPoint(F156.latitude(northM), F156.longitude(-100)),
                        new MapData.GeoPoint(F156.latitude(northM), F156.longitude(100))), List.of());
        return new MapData.IntersectionGeometry(EngineFixtures.I156.id(), 0, 1, "", F156.refLatitude(), F156.refLongitude(), 3.5,
                List.of(lane));
    }

    @Test
    void shouldKeepVehicleVruConflictsToTheCarriagewayOfTheMapData() {
        // without MapData, and with the car's lane in it (the pedestrian's predicted centre at -3.2 is within the
        // lane's 1.75 m half width plus the 1 m margin), the TTC flags make one event
        assertThat(pedestrianStoppingShortOfTheCar(Optional.empty()))
                .singleElement().satisfies(e -> assertThat(e.minTtcS()).isCloseTo(0.8, within(0.15)));
        assertThat(pedestrianStoppingShortOfTheCar(Optional.of(eastboundLane(-1.75)))).hasSize(1);
        // with the only lane 40 m north, the predicted collision is off the carriageway: on a sidewalk
        assertThat(pedestrianStoppingShortOfTheCar(Optional.of(eastboundLane(40)))).isEmpty();
    }

    @Test
    void shouldRegisterIntersectionsFromMapDataAndAnalyzeThem() {
        List<Intersection> announced = new ArrayList<>();
        AnalysisEngine withListener = new AnalysisEngine(Intersection.seeded(), AnalysisSettings.defaults(),
                NormalizationConstants::defaults, new TrailingHistoryPrior(), out, (i, g) -> announced.add(i));
        LocalFrame far = new LocalFrame(38.95, -77.30);
        withListener.onMessage(new MapData(T0, T0, 1, List.of(new MapData.IntersectionGeometry(7777, 0, 1, "Elm & Oak",
                38.95, -77.30, 3.5, List.of()))));
        withListener.onMessage(bsm(far, 1, T0 + 1_000, 10, 10, 10, 0));
        withListener.flush();

        assertThat(announced).extracting(Intersection::name).containsExactly("Elm & Oak");
        assertThat(withListener.intersections()).hasSize(5);
        assertThat(out.rows).extracting(SafetyIndexRow::intersectionId).containsExactly(7777);
    }

    @Test
    void shouldShrinkRowsTowardTheProvidedPrior() {
        // one vehicle: m = 1, w = 1/51; prior combined 50 -> combined_eb = (raw + 50 * 50) / 51
        AnalysisEngine withPrior = engine(out, (id, minute) -> Optional.of(new EbPrior(50, 50, 50, 10)));
        withPrior.onMessage(bsm(1, T0 + 1_000, 0, 0, 10));
        withPrior.flush();

        SafetyIndexRow row = out.rows.get(0);
        assertThat(row.combinedIndexEb()).isCloseTo((row.combinedIndex() + 2_500) / 51, within(1e-9));
    }

    @Test
    void shouldLearnItsOwnPriorFromThreeDaysAtTheSameHour() {
        // one vehicle at 15 m/s at 08:00 on three days, then one at 5 m/s on the fourth (shipped defaults)
        // days 1-3: vru = 100 (0.2 * 1/40 + 0.2 * 15/15) = 20.5; vehicle = 100 (0.3 * 1/40) = 0.75;
        //           combined = 0.6 * 20.5 + 0.4 * 0.75 = 12.6 -> own prior (3 hours) = 12.6
        // day 4:    vru = 100 (0.2 * 1/40 + 0.2 * 5/15) = 7.1667; combined = 0.6 * 7.1667 + 0.3 = 4.6
        //           m = 1, w = 1/51: combined_eb = (4.6 + 50 * 12.6) / 51 = 634.6 / 51 = 12.443
        long day = 86_400_000L;
        for (int d = 0; d < 4; d++) {
            engine.onMessage(bsm(1, T0 + d * day + 30_000, 0, 0, d < 3 ? 15 : 5));
            engine.advanceTo(T0 + d * day + 80_000);
        }

        assertThat(out.rows).hasSize(4);
        assertThat(out.rows.get(0).combinedIndexEb()).isEqualTo(out.rows.get(0).combinedIndex());
        assertThat(out.rows.get(2).combinedIndex()).isCloseTo(12.6, within(1e-9));
        SafetyIndexRow fourth = out.rows.get(3);
        assertThat(fourth.combinedIndex()).isCloseTo(4.6, within(1e-9));
        assertThat(fourth.combinedIndexEb()).isCloseTo(634.6 / 51, within(1e-9));
    }

    @Nested
    class Determinism {

        private final Message[] traffic = new SyntheticTraffic(List.of(EngineFixtures.I156, EngineFixtures.I3837), 30, 5, 2, 11)
                .generate(T0, 180_000);

        @Test
        void shouldEmitTheSameEventsAndRowsInTheSameOrderForTheSameInput() {
            RecordingListener first = run(traffic);
            RecordingListener second = run(traffic);

            assertThat(first.rows).hasSizeGreaterThanOrEqualTo(6);
            assertThat(first.late).isEmpty();
            assertThat(second.all).isEqualTo(first.all);
        }

        private RecordingListener run(Message[] messages) {
            return AnalysisEngineProperties.run(messages, AnalysisSettings.defaults());
        }
    }
}
