package org.trafficsafety.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trafficsafety.analysis.RoadUserKind;
import org.trafficsafety.analysis.geometry.Carriageway;
import org.trafficsafety.analysis.geometry.LocalFrame;
import org.trafficsafety.message.MapData;
import org.trafficsafety.simulation.GroundTruthConflict.Grade;

/**
 * Grades of the ground truth on a worked rear-end approach: car 1 (4.8 x 1.9 m) drives east at 10 m/s towards car 2,
 * standing 12 m ahead with its centre offset sideways. The bodies overlap sideways by 1.9 m - offset; the tolerance
 * shrinks or grows each body by 0.3 m on every side, so the overlap must exceed 0.6 m for a clear conflict, exceed
 * 0 m for a conflict, and exceed -0.6 m for a near miss. Where they overlap, TTC = (12 - 4.8) / 10 = 0.72 s at the
 * start (0.8 s at the 0.1 s prediction step), within 1.5 s for the whole 0.6 s, longer than the 0.5 s persistence.
 */
class GradedJudgeTest {

    private static final long T0 = 1_772_434_800_000L;
    private static final LocalFrame FRAME = new LocalFrame(38.9, -77.2);

    private record Outcome(List<GroundTruthConflict> conflicts, List<GroundTruthConflict> nearMisses) {
    }

    private static Outcome approach(double lateralOffsetM) {
        GradedJudge judge = new GradedJudge(156, FRAME, 30, Carriageway.everywhere());
        List<GroundTruthConflict> conflicts = new ArrayList<>();
        List<GroundTruthConflict> nearMisses = new ArrayList<>();
        for (int step = 0; step <= 6; step++) {
            double x = -20 + step; // 10 m/s over 100 ms steps
            List<ConflictJudge.User> users = List.of(
                    new ConflictJudge.User(1, RoadUserKind.VEHICLE, x, 0, 0, 10, 0, 4.8, 1.9, null),
                    new ConflictJudge.User(2, RoadUserKind.VEHICLE, -8, lateralOffsetM, 0, 0, 0, 4.8, 1.9, null));
            judge.observe(T0 + step * 100L, users, conflicts::add, nearMisses::add);
        }
        judge.flush(conflicts::add, nearMisses::add);
        return new Outcome(conflicts, nearMisses);
    }

    @ParameterizedTest(name = "offset {0} m: {1}")
    @CsvSource({"0.0, CLEAR", "1.0, CLEAR", "1.7, MARGINAL", "2.1, NEAR"})
    void shouldGradeByTheSidewaysOverlapOfTheBodies(double offsetM, Grade expected) {
        Outcome o = approach(offsetM);

        List<GroundTruthConflict> all = new ArrayList<>(o.conflicts());
        all.addAll(o.nearMisses());
        assertThat(all).hasSize(1);
        GroundTruthConflict c = all.getFirst();
        assertThat(c.grade()).isEqualTo(expected);
        assertThat(o.nearMisses().isEmpty()).isEqualTo(expected != Grade.NEAR);
        assertThat(c.firstId()).isEqualTo(1);
        assertThat(c.secondId()).isEqualTo(2);
        assertThat(c.startMs()).isEqualTo(T0);
    }

    @Test
    void shouldReportNothingBeyondTheGrownBodies() {
        Outcome o = approach(2.6); // grown bodies are 2.5 m wide: 0.1 m apart

        assertThat(o.conflicts()).isEmpty();
        assertThat(o.nearMisses()).isEmpty();
    }

    @Test
    void shouldMeasureTtcOfTheUnshrunkBodiesForEveryGrade() {
        GroundTruthConflict clear = approach(0.0).conflicts().getFirst();
        GroundTruthConflict marginal = approach(1.7).conflicts().getFirst();

        // the gap between the bodies is 7.2 m at the start and 1.2 m at the last step, 0.6 s later: TTC 0.12 s there,
        // rounded up to the 0.1 s prediction step; the grade does not change the measure
        assertThat(clear.minTtcS()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.05));
        assertThat(marginal.minTtcS()).isCloseTo(clear.minTtcS(), org.assertj.core.data.Offset.offset(1e-9));
    }

    /**
     * A car east along y = 0 at 10 m/s from x = -25 towards a pedestrian standing at (0, 0): the front (2.4 m ahead of
     * the centre) meets the 0.5 m disc after 22.1 m, TTC 2.3 s at the first step (0.1 s prediction steps), within
     * 3 s for the whole 0.8 s. A conflict unless the pedestrian's spot is off the carriageway.
     */
    private static List<GroundTruthConflict> carTowardsPedestrian(Carriageway road) {
        GradedJudge judge = new GradedJudge(156, FRAME, 60, road);
        List<GroundTruthConflict> conflicts = new ArrayList<>();
        for (int step = 0; step <= 8; step++) {
            List<ConflictJudge.User> users = List.of(
                    new ConflictJudge.User(1, RoadUserKind.VEHICLE, -25 + step, 0, 0, 10, 0, 4.8, 1.9, null),
                    new ConflictJudge.User(2, RoadUserKind.PEDESTRIAN, 0, 0, Math.PI / 2, 0, 0, 0, 0, null));
            judge.observe(T0 + step * 100L, users, conflicts::add, c -> { });
        }
        judge.flush(conflicts::add, c -> { });
        return conflicts;
    }

    private static Carriageway eastboundLaneAt(double northM) {
        MapData.Lane lane = new MapData.Lane(1, MapData.LaneType.VEHICLE, true, false, 1, 0,
                List.of(new MapData.GeoPoint(FRAME.latitude(northM), FRAME.longitude(-60)),
                        new MapData.GeoPoint(FRAME.latitude(northM), FRAME.longitude(60))), List.of());
        return Carriageway.of(new MapData.IntersectionGeometry(156, 0, 1, "", 38.9, -77.2, 3.66, List.of(lane)), FRAME, 1.0);
    }

    @Test
    void shouldCountAVehicleVruTtcOnlyWithTheVruOnTheCarriageway() {
        assertThat(carTowardsPedestrian(Carriageway.everywhere())).singleElement()
                .satisfies(c -> assertThat(c.minTtcS()).isCloseTo(1.5, org.assertj.core.data.Offset.offset(0.05)));
        assertThat(carTowardsPedestrian(eastboundLaneAt(0))).hasSize(1);
        // the only lane 40 m north: the pedestrian stands on a sidewalk
        assertThat(carTowardsPedestrian(eastboundLaneAt(40))).isEmpty();
    }
}
