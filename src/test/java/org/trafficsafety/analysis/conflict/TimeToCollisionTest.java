package org.trafficsafety.analysis.conflict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import java.util.List;
import org.trafficsafety.analysis.RoadUserKind;
import org.trafficsafety.analysis.geometry.Carriageway;
import org.trafficsafety.analysis.geometry.LocalFrame;
import org.trafficsafety.analysis.track.Motion;
import org.trafficsafety.message.MapData;

/** TTC geometry, each expected value worked out by hand. Cars are 4.8 x 1.9 m, VRUs discs of 0.5 m. */
class TimeToCollisionTest {

    private static final double STEP_S = 0.1;
    private final ConflictParameters parameters = ConflictParameters.defaults();
    private final TimeToCollision ttc = new TimeToCollision();
    private final RoadUser car1 = new RoadUser(1, RoadUserKind.VEHICLE, parameters);
    private final RoadUser car2 = new RoadUser(2, RoadUserKind.VEHICLE, parameters);
    private final RoadUser pedestrian = new RoadUser(3, RoadUserKind.PEDESTRIAN, parameters);

    private static Motion motion(double east, double north, double headingDeg, double speed, double yawRadS) {
        Motion m = new Motion();
        m.start(east, north, headingDeg, speed, yawRadS);
        return m;
    }

    @Test
    void shouldFindHeadOnTtcWhenFrontsMeet() {
        // Centres 30 m apart, fronts 30 - 4.8 = 25.2 m apart, closing 20 m/s: contact at 1.26 s, first step 1.3 s.
        Motion a = motion(0, 0, 90, 10, 0);
        Motion b = motion(30, 0, 270, 10, 0);

        assertThat(ttc.compute(car1, a, car2, b, 3.0, STEP_S, 0.0, Carriageway.everywhere())).isCloseTo(1.3, within(1e-9));
        assertThat(TimeToCollision.closingSpeedMps(a, b)).isCloseTo(20.0, within(1e-9));
    }

    @Test
    void shouldFindCrossingTtcWhenCornersMeet() {
        // A east along y = 0 from x = -20, B north along x = 0 from y = -20, both 10 m/s. The boxes
        // [x-2.4, x+2.4] x [-0.95, 0.95] and [-0.95, 0.95] x [y-2.4, y+2.4] first touch when
        // -20 + 10t + 2.4 >= -0.95, i.e. t >= 1.665 s: first step 1.7 s.
        Motion a = motion(-20, 0, 90, 10, 0);
        Motion b = motion(0, -20, 0, 10, 0);

        assertThat(ttc.compute(car1, a, car2, b, 3.0, STEP_S, 0.0, Carriageway.everywhere())).isCloseTo(1.7, within(1e-9));
    }

    @Test
    void shouldFindRearEndTtcAtTheHorizonEdge() {
        // Follower 12 m behind (gap 12 - 4.8 = 7.2 m) closing at 20 - 15 = 5 m/s: 1.44 s, first step 1.5 s,
        // which is still within a 1.5 s horizon.
        Motion leader = motion(0, 0, 90, 15, 0);
        Motion follower = motion(-12, 0, 90, 20, 0);

        assertThat(ttc.compute(car1, leader, car2, follower, 1.5, STEP_S, 0.0, Carriageway.everywhere())).isCloseTo(1.5, within(1e-9));
        assertThat(ttc.compute(car1, leader, car2, follower, 1.4, STEP_S, 0.0, Carriageway.everywhere())).isEqualTo(TimeToCollision.NONE);
    }

    @Test
    void shouldNeverMeetInParallelAdjacentLanes() {
        // Lanes 3.5 m apart: bodies 1.9 m wide leave a 1.6 m gap however the cars overtake.
        Motion a = motion(0, 0, 90, 15, 0);
        Motion b = motion(-10, 3.5, 90, 20, 0);

        assertThat(ttc.compute(car1, a, car2, b, 3.0, STEP_S, 0.0, Carriageway.everywhere())).isEqualTo(TimeToCollision.NONE);
    }

    @Test
    void shouldNeverMeetWhenBothStand() {
        // 3 m between centres of two cars side by side facing the same way (gap 1.1 m), nobody moves.
        Motion a = motion(0, 0, 90, 0, 0);
        Motion b = motion(0, 3, 90, 0, 0);

        assertThat(ttc.compute(car1, a, car2, b, 3.0, STEP_S, 0.0, Carriageway.everywhere())).isEqualTo(TimeToCollision.NONE);
        assertThat(TimeToCollision.closingSpeedMps(a, b)).isZero();
    }

    @Test
    void shouldGiveZeroForShapesAlreadyTouching() {
        // Centres 4.0 m apart along the axis, 0.5 m across: the 4.8 m boxes overlap by 0.8 m now.
        Motion a = motion(0, 0, 90, 5, 0);
        Motion b = motion(4.0, 0.5, 90, 2, 0);

        assertThat(ttc.compute(car1, a, car2, b, 3.0, STEP_S, 0.0, Carriageway.everywhere())).isZero();
    }

    @Test
    void shouldFollowTheTurnOfATurningVehicle() {
        // A turns right at 10 m/s with yaw 0.5 rad/s: a 20 m radius arc around (20, 0). B stands at the arc point
        // reached at 1.2 s, (20 - 20 cos 0.6, 20 sin 0.6) = (3.49, 11.29). The arc chord to B falls to 4.8 m
        // (the two half-lengths) at arc angle 0.6 - 2 asin(0.12) = 0.36 rad, t = 0.72 s; B faces north while the
        // arc there heads 34 deg, so first contact is near that: the 0.8 s step. Predicted straight, A would pass
        // 3.49 - 0.95 - 0.95 = 1.59 m west of B and never touch it.
        Motion turning = motion(0, 0, 0, 10, 0.5);
        Motion straight = motion(0, 0, 0, 10, 0);
        Motion standing = motion(3.493, 11.293, 0, 0, 0);

        assertThat(ttc.compute(car1, turning, car2, standing, 3.0, STEP_S, 0.0, Carriageway.everywhere())).isCloseTo(0.8, within(0.1 + 1e-9));
        assertThat(ttc.compute(car1, straight, car2, standing, 3.0, STEP_S, 0.0, Carriageway.everywhere())).isEqualTo(TimeToCollision.NONE);
    }

    @Test
    void shouldTestVehicleAgainstPedestrianDisc() {
        // Car east along y = 0 at 10 m/s; pedestrian from (10, -3) north at 1.5 m/s. At 1.0 s the pedestrian is at
        // y = -1.5, 0.55 m outside the car's side (-0.95) > 0.5 m radius; at 1.1 s at -1.35, 0.40 m < 0.5 m, and the
        // car's box then spans x 8.6..13.4 around x = 10: TTC 1.1 s.
        Motion car = motion(0, 0, 90, 10, 0);
        Motion walker = motion(10, -3, 0, 1.5, 0);

        assertThat(ttc.compute(car1, car, pedestrian, walker, 3.0, STEP_S, 0.0, Carriageway.everywhere())).isCloseTo(1.1, within(1e-9));
        assertThat(ttc.compute(pedestrian, walker, car1, car, 3.0, STEP_S, 0.0, Carriageway.everywhere())).isCloseTo(1.1, within(1e-9));
    }

    @Test
    void shouldIgnoreACollisionWithAVruPredictedOffTheCarriageway() {
        // The car of the test above, on an eastbound lane along y = 0 (3.66 m wide): the pedestrian meets it at
        // y = -1.35, 1.35 m from the centre line, on the lane. With the lane moved to y = 6 (its edge at 4.17, the
        // margin 1 m further) the same pedestrian is 7.35 m from the centre line, on a sidewalk: no TTC.
        Motion car = motion(0, 0, 90, 10, 0);
        Motion walker = motion(10, -3, 0, 1.5, 0);
        LocalFrame frame = new LocalFrame(38.9, -77.2);

        assertThat(ttc.compute(car1, car, pedestrian, walker, 3.0, STEP_S, 0.0, eastboundLane(frame, 0)))
                .isCloseTo(1.1, within(1e-9));
        assertThat(ttc.compute(car1, car, pedestrian, walker, 3.0, STEP_S, 0.0, eastboundLane(frame, 6)))
                .isEqualTo(TimeToCollision.NONE);
        assertThat(ttc.compute(pedestrian, walker, car1, car, 3.0, STEP_S, 0.0, eastboundLane(frame, 6)))
                .isEqualTo(TimeToCollision.NONE);
    }

    private static Carriageway eastboundLane(LocalFrame frame, double northM) {
        List<MapData.GeoPoint> nodes = List.of(new MapData.GeoPoint(frame.latitude(northM), frame.longitude(-50)),
                new MapData.GeoPoint(frame.latitude(northM), frame.longitude(50)));
        MapData.Lane lane = new MapData.Lane(1, MapData.LaneType.VEHICLE, true, false, 1, 0, nodes, List.of());
        return Carriageway.of(new MapData.IntersectionGeometry(1, 0, 1, "", 38.9, -77.2, 3.66, List.of(lane)), frame, 1.0);
    }
}
