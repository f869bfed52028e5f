package org.trafficsafety.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.geometry.LocalFrame;
import org.trafficsafety.message.MapData;
import org.trafficsafety.message.Spat;
import org.trafficsafety.simulation.Layout.Movement;
import org.trafficsafety.simulation.Layout.Turn;
import org.trafficsafety.simulation.SignalPlan.Light;
import org.trafficsafety.simulation.SignalPlan.Walk;

/** Geometry and signal invariants that keep normal traffic free of near-misses by the design's measures. */
class LayoutTest {

    private final Layout layout = new Layout(SimulationConfig.Geometry.defaults(), SimulationConfig.Drivers.defaults());
    private final SignalPlan plan = new SignalPlan(SimulationConfig.Signals.defaults(), 0);

    private static double minDistance(Path a, Path b, double fromA, double toA) {
        double best = Double.MAX_VALUE;
        for (double s = fromA; s <= toA; s += Path.DS) {
            double sb = b.nearestS(a.x(s), a.y(s), 0, b.length());
            best = Math.min(best, Math.hypot(a.x(s) - b.x(sb), a.y(s) - b.y(sb)));
        }
        return best;
    }

    private Movement movement(int approach, Turn turn, int lane) {
        return layout.movements.stream().filter(m -> m.approach == approach && m.turn == turn && m.inLane == lane).findFirst().orElseThrow();
    }

    @Test
    void shouldKeepOpposingLeftTurnsFurtherApartThanTwoHalfLengthDiscs() {
        Movement southbound = movement(0, Turn.LEFT, 0);
        Movement northbound = movement(2, Turn.LEFT, 0);
        // two 5.0 m cars: discs of 2.5 m each
        assertThat(minDistance(southbound.path, northbound.path, southbound.sStop, southbound.sExit)).isGreaterThan(5.5);
    }

    @Test
    void shouldTellMovementsInSeparateLanesFromMovementsWhosePathsMeet() {
        Movement throughInner = movement(2, Turn.THROUGH, 1);
        Movement throughOuter = movement(2, Turn.THROUGH, 2);
        Movement rightOuter = movement(2, Turn.RIGHT, 2);
        Movement opposingThrough = movement(0, Turn.THROUGH, 1);
        Movement left = movement(2, Turn.LEFT, 0);
        Movement opposingLeft = movement(0, Turn.LEFT, 0);
        // adjacent lanes of one approach, opposing lanes, opposing left turns (kept 5.5 m apart above)
        assertThat(layout.separateLanes(throughInner.index, throughOuter.index)).isTrue();
        assertThat(layout.separateLanes(throughInner.index, opposingThrough.index)).isTrue();
        assertThat(layout.separateLanes(left.index, opposingLeft.index)).isTrue();
        // a shared inbound lane, and a left turn across the opposing through lane
        assertThat(layout.separateLanes(throughOuter.index, rightOuter.index)).isFalse();
        assertThat(layout.separateLanes(left.index, opposingThrough.index)).isFalse();
        assertThat(layout.separateLanes(opposingThrough.index, left.index)).isFalse();
    }

    @Test
    void shouldTurnRightAwayFromTheThroughLaneBeforeHeadingsDifferBy30Degrees() {
        Movement right = movement(2, Turn.RIGHT, 2);
        Movement inner = movement(2, Turn.THROUGH, 1);
        double s = right.sStop;
        while (Math.abs(Path.wrap(right.path.theta(s) - right.path.theta(0))) < Math.toRadians(30)) {
            s += Path.DS;
        }
        double sb = inner.path.nearestS(right.path.x(s), right.path.y(s), 0, inner.path.length());
        assertThat(Math.hypot(right.path.x(s) - inner.path.x(sb), right.path.y(s) - inner.path.y(sb))).isGreaterThan(5.0);
        // zero curvature where the turn joins the receiving lane
        assertThat(Math.abs(right.path.curvature(right.sExit))).isLessThan(0.01);
    }

    @Test
    void shouldKeepSidewalksFurtherFromTheOuterLaneThanATruckDiscPlusAPedestrian() {
        // a 10 m truck has a 5 m disc, a pedestrian 0.5 m
        assertThat(layout.sidewalkOffset - layout.inboundOffset(2)).isGreaterThan(5.5);
        assertThat(layout.sidewalkOffset - layout.outboundOffset(1)).isGreaterThan(5.5);
    }

    @Test
    void shouldNeverShowGreenToCrossingStreetsOrWalkAcrossMovingTraffic() {
        for (long t = 0; t < plan.cycleMs(); t += 100) {
            boolean majorGreen = plan.vehicleLight(0, Turn.THROUGH, t) != Light.RED || plan.vehicleLight(0, Turn.LEFT, t) != Light.RED;
            boolean minorGreen = plan.vehicleLight(1, Turn.THROUGH, t) != Light.RED || plan.vehicleLight(1, Turn.LEFT, t) != Light.RED;
            assertThat(majorGreen && minorGreen).as("t=%d", t).isFalse();
            for (int leg = 0; leg < 4; leg++) {
                if (plan.walk(leg, t) != Walk.DONT_WALK) {
                    // traffic along the crossed leg (its own approach and the opposite one) has red
                    assertThat(plan.vehicleLight(leg, Turn.THROUGH, t)).isEqualTo(Light.RED);
                    assertThat(plan.vehicleLight((leg + 2) % 4, Turn.THROUGH, t)).isEqualTo(Light.RED);
                }
            }
        }
        assertThat(plan.cycleMs()).isEqualTo(116_000);
    }

    @Test
    void shouldPublishMapDataWithEveryLaneInsideTheZoneAndSpatForEverySignalGroup() {
        Intersection in = Intersection.seeded().get(0);
        LocalFrame frame = new LocalFrame(in.latitude(), in.longitude());
        MessageFactory factory = new MessageFactory(frame, SimulationConfig.defaults(), new java.util.SplittableRandom(1));
        MapData map = factory.mapData(in, layout, 0);
        List<MapData.Lane> lanes = map.intersections().get(0).lanes();

        assertThat(lanes).hasSize(12 + 8 + 4 + 8);
        assertThat(lanes.stream().filter(l -> l.laneType() == MapData.LaneType.CROSSWALK)).hasSize(4);
        assertThat(lanes.stream().filter(l -> l.ingress() && l.laneType() == MapData.LaneType.VEHICLE).flatMap(l -> l.connections().stream())).hasSize(16);
        for (MapData.Lane lane : lanes) {
            for (MapData.GeoPoint p : lane.nodes()) {
                assertThat(Math.hypot(frame.east(p.longitude()), frame.north(p.latitude()))).isLessThan(in.zoneRadiusM());
            }
        }
        Spat spat = factory.spat(in, plan, layout, 5_000);
        assertThat(spat.intersections().get(0).states()).extracting(Spat.MovementState::signalGroup)
                .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        // at 5 s into the cycle the major street's protected lefts (groups 1 and 5) are green
        assertThat(spat.intersections().get(0).states()).filteredOn(s -> s.signalGroup() == 1 || s.signalGroup() == 5)
                .allMatch(s -> s.events().get(0).phase() == Spat.SignalPhase.PROTECTED_MOVEMENT_ALLOWED && s.events().get(0).likelyMs() == 12_000);
    }
}
