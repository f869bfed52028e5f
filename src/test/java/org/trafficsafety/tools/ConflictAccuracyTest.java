package org.trafficsafety.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.ConflictType;
import org.trafficsafety.analysis.RoadUserKind;
import org.trafficsafety.simulation.BenignPassing;
import org.trafficsafety.simulation.BenignPassing.Situation;
import org.trafficsafety.simulation.GroundTruthConflict;
import org.trafficsafety.simulation.GroundTruthConflict.Grade;
import org.trafficsafety.simulation.RiskyBehaviour;

class ConflictAccuracyTest {

    private static final long T = 1_772_434_800_000L;

    private static GroundTruthConflict truth(long first, long second, RoadUserKind secondKind, long startMs, long endMs,
                                             Grade grade) {
        return new GroundTruthConflict(156, first, RoadUserKind.VEHICLE, second, secondKind, RiskyBehaviour.UNPLANNED,
                ConflictType.CROSSING, startMs, 38.9, -77.2, startMs, endMs, Double.NaN, 0.5, grade);
    }

    private static ConflictEvent detected(long first, long second, RoadUserKind secondKind, long startMs, long endMs) {
        return new ConflictEvent(156, startMs, endMs, ConflictType.CROSSING, first, RoadUserKind.VEHICLE, second,
                secondKind, Double.NaN, 0, 0.5, startMs, 38.9, -77.2, 5, 1);
    }

    @Test
    void shouldMatchTheSamePairWithinThreeSecondsOneToOne() {
        List<GroundTruthConflict> truth = List.of(
                truth(1, 2, RoadUserKind.VEHICLE, T, T + 500, Grade.CLEAR),              // matched by the event 2.9 s later
                truth(1, 3, RoadUserKind.PEDESTRIAN, T, T + 500, Grade.CLEAR),           // the event is a vehicle 3: no match
                truth(4, 5, RoadUserKind.VEHICLE, T + 10_000, T + 10_000, Grade.CLEAR)); // event 3.1 s early: no match
        List<ConflictEvent> events = List.of(
                detected(1, 2, RoadUserKind.VEHICLE, T + 3_400, T + 3_600),
                detected(1, 2, RoadUserKind.VEHICLE, T + 3_500, T + 3_700), // a second event for the same truth
                detected(1, 3, RoadUserKind.VEHICLE, T, T + 500),
                detected(4, 5, RoadUserKind.VEHICLE, T + 6_000, T + 6_900));

        ConflictAccuracy.Result r = ConflictAccuracy.score(truth, List.of(), events, 3_000, 0);

        assertThat(r.overall().matchedTruth()).isEqualTo(1);
        assertThat(r.overall().matchedDetected()).isEqualTo(1);
        assertThat(r.overall().recall()).isEqualTo(1.0 / 3);
        assertThat(r.overall().precision()).isEqualTo(0.25);
        assertThat(r.byKind().get(1).truth()).isEqualTo(1);
        assertThat(r.byKind().get(1).detected()).isZero();
        assertThat(r.missed()).hasSize(2);
        assertThat(r.falseAlarms()).hasSize(3);
        assertThat(r.strictOverall().precision()).isEqualTo(0.25);
    }

    @Test
    void shouldIgnoreMarginalConflictsAndNearMissesButCountThemStrictly() {
        List<GroundTruthConflict> truth = List.of(
                truth(1, 2, RoadUserKind.VEHICLE, T, T + 500, Grade.CLEAR),              // detected
                truth(1, 3, RoadUserKind.VEHICLE, T, T + 500, Grade.MARGINAL),           // detected: ignored
                truth(1, 4, RoadUserKind.VEHICLE, T, T + 500, Grade.MARGINAL),           // missed: ignored
                truth(1, 5, RoadUserKind.VEHICLE, T, T + 500, Grade.NEAR),               // detected: ignored
                truth(1, 6, RoadUserKind.VEHICLE, T + 1_000, T + 1_500, Grade.NEAR));    // a clear one of the pair
        List<ConflictEvent> events = List.of(
                detected(1, 2, RoadUserKind.VEHICLE, T, T + 500),
                detected(1, 3, RoadUserKind.VEHICLE, T, T + 500),
                detected(1, 5, RoadUserKind.VEHICLE, T, T + 500),
                detected(1, 7, RoadUserKind.VEHICLE, T, T + 500));                     // nothing there: false

        ConflictAccuracy.Result r = ConflictAccuracy.score(truth, List.of(), events, 3_000, 0);

        // graded: 1 clear conflict, found; 2 of the 4 detections ignored, 1 of the other 2 false
        assertThat(r.overall().truth()).isEqualTo(1);
        assertThat(r.overall().recall()).isEqualTo(1.0);
        assertThat(r.overall().detected()).isEqualTo(2);
        assertThat(r.overall().precision()).isEqualTo(0.5);
        assertThat(r.ignoredDetections()).isEqualTo(2);
        assertThat(r.falseAlarms()).extracting(ConflictEvent::secondId).containsExactly(7L);
        // strict: 3 conflicts (clear and marginal), 2 found; the near-miss detection is false too
        assertThat(r.strictOverall().truth()).isEqualTo(3);
        assertThat(r.strictOverall().matchedTruth()).isEqualTo(2);
        assertThat(r.strictOverall().precision()).isEqualTo(0.5);
    }

    @Test
    void shouldPoolRunsByAddingTheirCounts() {
        ConflictAccuracy.Result one = ConflictAccuracy.score(
                List.of(truth(1, 2, RoadUserKind.VEHICLE, T, T + 500, Grade.CLEAR),
                        truth(1, 3, RoadUserKind.PEDESTRIAN, T, T + 500, Grade.CLEAR)), List.of(),
                List.of(detected(1, 2, RoadUserKind.VEHICLE, T, T + 500)), 3_000, 10);
        ConflictAccuracy.Result two = ConflictAccuracy.score(
                List.of(truth(1, 3, RoadUserKind.PEDESTRIAN, T, T + 500, Grade.CLEAR)), List.of(),
                List.of(detected(1, 3, RoadUserKind.PEDESTRIAN, T, T + 500),
                        detected(1, 4, RoadUserKind.PEDESTRIAN, T, T + 500)), 3_000, 5);

        ConflictAccuracy.Result pooled = ConflictAccuracy.Result.pooled(List.of(one, two));

        // 3 clear conflicts, 2 found; 3 detections, 2 right: 2/3 each, where the runs alone give 1/2 and 1/1, 1/1 and 1/2
        assertThat(pooled.overall().truth()).isEqualTo(3);
        assertThat(pooled.overall().recall()).isEqualTo(2.0 / 3);
        assertThat(pooled.overall().precision()).isEqualTo(2.0 / 3);
        assertThat(pooled.byKind().get(1).truth()).isEqualTo(2);
        assertThat(pooled.byKind().get(1).matchedTruth()).isEqualTo(1);
        assertThat(pooled.byKind().get(1).detected()).isEqualTo(2);
        assertThat(pooled.messages()).isEqualTo(15);
        assertThat(pooled.missed()).extracting(GroundTruthConflict::secondId).containsExactly(3L);
        assertThat(pooled.falseAlarms()).extracting(ConflictEvent::secondId).containsExactly(4L);
        assertThat(pooled.summary()).startsWith("graded P/R overall 0.667/0.667, vehicle-vehicle 1.000/1.000,");
    }

    @Test
    void shouldCountDetectionsInEachNoConflictSituation() {
        List<BenignPassing> passings = List.of(
                new BenignPassing(156, 1, RoadUserKind.VEHICLE, 2, RoadUserKind.VEHICLE, Situation.VEHICLES_IN_SEPARATE_LANES, T, T + 5_000),
                new BenignPassing(156, 1, RoadUserKind.VEHICLE, 3, RoadUserKind.PEDESTRIAN, Situation.PEDESTRIAN_ON_SIDEWALK, T, T + 4_000));
        List<ConflictEvent> events = List.of(
                detected(1, 2, RoadUserKind.VEHICLE, T + 5_500, T + 6_000),       // overlaps the lanes passing (1 s sampling)
                detected(1, 3, RoadUserKind.PEDESTRIAN, T + 2_000, T + 3_500),    // within the sidewalk passing
                detected(1, 3, RoadUserKind.PEDESTRIAN, T + 3_500, T + 4_500),    // ends after it: maybe on the crosswalk
                detected(1, 3, RoadUserKind.PEDESTRIAN, T + 1_500, T + 2_000),    // a PET flag 2 s back may be on the crosswalk
                detected(1, 4, RoadUserKind.PEDESTRIAN, T + 1_000, T + 2_000));   // no passing of that pair
        List<GroundTruthConflict> truth = List.of(
                truth(1, 3, RoadUserKind.PEDESTRIAN, T + 2_000, T + 3_000, Grade.MARGINAL),
                truth(1, 2, RoadUserKind.VEHICLE, T + 7_000, T + 7_500, Grade.CLEAR)); // 2 s after the passing

        ConflictAccuracy.Result r = ConflictAccuracy.score(truth, passings, events, 3_000, 0);

        assertThat(r.situations()).containsExactly(
                new ConflictAccuracy.SituationTally(Situation.VEHICLES_IN_SEPARATE_LANES.label(), 1, List.of(events.get(0)), 0, 0),
                new ConflictAccuracy.SituationTally(Situation.PEDESTRIAN_ON_SIDEWALK.label(), 1, List.of(events.get(1)), 0, 1),
                new ConflictAccuracy.SituationTally(Situation.CYCLIST_ON_SIDEWALK.label(), 0, List.of(), 0, 0));
        assertThat(ConflictAccuracy.Result.pooled(List.of(r, r)).situations().get(1)).isEqualTo(new ConflictAccuracy.SituationTally(
                Situation.PEDESTRIAN_ON_SIDEWALK.label(), 2, List.of(events.get(1), events.get(1)), 0, 2));
        assertThat(r.summary()).endsWith("; in no-conflict situations 2");
        assertThat(ConflictAccuracy.score(truth, List.of(), events, 3_000, 0).situations()).isEmpty();
    }

    @Test
    void shouldReachTheTargetOnTwoSimulatedHours() {
        ConflictAccuracy.Result r = ConflictAccuracy.run(ConflictAccuracy.Settings.defaults());

        // The target on the benchmark's first seed (2 h, GPS 1.5 m, 2 Hz / 1 Hz; docs/methodology.md):
        // graded precision and recall at least 0.90 overall and per kind of pair. Measured: overall 0.971 / 1.000,
        // vehicle-vehicle 1.000 / 1.000 (39 of 39: four more misses fail it), vehicle-VRU 0.931 / 1.000 (27 of 29
        // detections right: two more false alarms fail it). The simulator's traffic moves the ground truth with it: a
        // change there is re-measured with `./tsi bench accuracy` (all five seeds are above the target per kind).
        assertThat(r.overall().truth()).isGreaterThan(50);
        assertThat(r.overall().recall()).isGreaterThanOrEqualTo(TARGET);
        assertThat(r.overall().precision()).isGreaterThanOrEqualTo(TARGET);
        for (ConflictAccuracy.Tally kind : r.byKind()) {
            assertThat(kind.truth()).as(kind.label()).isGreaterThan(20);
            assertThat(kind.recall()).as(kind.label() + " recall").isGreaterThanOrEqualTo(TARGET);
            assertThat(kind.precision()).as(kind.label() + " precision").isGreaterThanOrEqualTo(TARGET);
        }
        // and no event where the design says there must be none: vehicles passing in adjacent or opposing lanes and
        // pedestrians on sidewalks (measured: none in 29,737 and 17,103 passings; the 10 h of seeds 1-5 have 1 and 1).
        // Cyclists on a sidewalk beside a car turning the same way are counted, not asserted (2 detections in 1,858
        // passings here; the exact trajectories flag one of them too).
        List<ConflictAccuracy.SituationTally> situations = r.situations();
        assertThat(situations).extracting(ConflictAccuracy.SituationTally::label).containsExactly(
                Situation.VEHICLES_IN_SEPARATE_LANES.label(), Situation.PEDESTRIAN_ON_SIDEWALK.label(),
                Situation.CYCLIST_ON_SIDEWALK.label());
        assertThat(situations).allSatisfy(t -> assertThat(t.passings()).as(t.label()).isGreaterThan(1_000));
        assertThat(situations.get(0).detections()).isEmpty();
        assertThat(situations.get(1).detections()).isEmpty();
    }

    private static final double TARGET = 0.90;
}
