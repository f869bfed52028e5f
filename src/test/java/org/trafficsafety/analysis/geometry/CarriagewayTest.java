package org.trafficsafety.analysis.geometry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.trafficsafety.message.MapData;

/**
 * The carriageway of a four-leg intersection laid out like the simulator's: per leg three ingress lanes (centre
 * lines 1.83, 5.49 and 9.15 m right of the leg's axis) and two egress lanes (left), 3.66 m wide, from the stop line
 * 20 m out to 110 m; a crosswalk 15 m out; sidewalks 15 m either side of the axis.
 */
class CarriagewayTest {

    private static final LocalFrame FRAME = new LocalFrame(38.9, -77.2);
    private static final double[] INGRESS = {1.83, 5.49, 9.15};
    private static final double[] EGRESS = {-1.83, -5.49};

    private static MapData.GeoPoint node(int leg, double along, double right) {
        // leg 0 points east, 1 north, 2 west, 3 south; "right" is clockwise of the leg's outward direction
        double ux = Math.cos(leg * Math.PI / 2);
        double uy = Math.sin(leg * Math.PI / 2);
        double east = ux * along + uy * right;
        double north = uy * along - ux * right;
        return new MapData.GeoPoint(FRAME.latitude(north), FRAME.longitude(east));
    }

    private static MapData.Lane lane(int id, MapData.LaneType type, MapData.GeoPoint... nodes) {
        return new MapData.Lane(id, type, type == MapData.LaneType.VEHICLE, false, 1, 0, List.of(nodes), List.of());
    }

    private static MapData.IntersectionGeometry intersection(boolean withVehicleLanes) {
        List<MapData.Lane> lanes = new ArrayList<>();
        for (int leg = 0; leg < 4; leg++) {
            if (withVehicleLanes) {
                for (double o : INGRESS) {
                    lanes.add(lane(lanes.size() + 1, MapData.LaneType.VEHICLE, node(leg, 20, o), node(leg, 110, o)));
                }
                for (double o : EGRESS) {
                    lanes.add(lane(lanes.size() + 1, MapData.LaneType.VEHICLE, node(leg, 20, o), node(leg, 110, o)));
                }
            }
            lanes.add(lane(lanes.size() + 1, MapData.LaneType.CROSSWALK, node(leg, 15, 15), node(leg, 15, -15)));
            lanes.add(lane(lanes.size() + 1, MapData.LaneType.SIDEWALK, node(leg, 15, 15), node(leg, 110, 15)));
            lanes.add(lane(lanes.size() + 1, MapData.LaneType.SIDEWALK, node(leg, 15, -15), node(leg, 110, -15)));
        }
        return new MapData.IntersectionGeometry(1, 0, 1, "", FRAME.refLatitude(), FRAME.refLongitude(), 3.66, lanes);
    }

    private static Carriageway road(double marginM) {
        return Carriageway.of(intersection(true), FRAME, marginM);
    }

    @Test
    void shouldHoldTheLanesTheBoxAndTheCrosswalksButNotTheSidewalks() {
        Carriageway road = road(1.0);

        assertThat(road.isEverywhere()).isFalse();
        assertThat(road.contains(0, 0)).as("the middle of the box").isTrue();
        assertThat(road.contains(60, -9.15)).as("the outer ingress lane of the east leg").isTrue();
        assertThat(road.contains(15, -13)).as("the east crosswalk, beyond the outer lane").isTrue();
        // the outer lane's edge is 9.15 + 1.83 = 10.98 m from the axis; the margin takes 1 m more
        assertThat(road.contains(60, -11.9)).isTrue();
        assertThat(road.contains(60, -12.1)).isFalse();
        assertThat(road.contains(60, -15)).as("the sidewalk").isFalse();
        assertThat(road.contains(-60, 15)).as("the sidewalk of the west leg").isFalse();
    }

    @Test
    void shouldGrowTheBoxByTheMargin() {
        // vehicle lanes only: on the south-east, the box's edge runs from the east leg's outer ingress end (20, -9.15)
        // to the south leg's outer egress end (5.49, -20). Its midpoint (12.745, -14.575), moved 0.8 m outwards along
        // the edge's normal, is 9 m from every lane: on the carriageway with a 1 m margin, not with 0.5 m.
        List<MapData.Lane> vehicleLanes = intersection(true).lanes().stream()
                .filter(l -> l.laneType() == MapData.LaneType.VEHICLE).toList();
        MapData.IntersectionGeometry lanesOnly = new MapData.IntersectionGeometry(1, 0, 1, "", FRAME.refLatitude(),
                FRAME.refLongitude(), 3.66, vehicleLanes);
        double ex = 5.49 - 20;
        double ey = -20 - -9.15;
        double length = Math.hypot(ex, ey);
        double nx = -ey / length;    // the edge's normal pointing away from the centre
        double ny = ex / length;
        double px = 12.745 + 0.8 * nx;
        double py = -14.575 + 0.8 * ny;

        assertThat(nx).isPositive();
        assertThat(ny).isNegative();
        assertThat(Carriageway.of(lanesOnly, FRAME, 1.0).contains(px, py)).isTrue();
        assertThat(Carriageway.of(lanesOnly, FRAME, 0.5).contains(px, py)).isFalse();
        assertThat(Carriageway.of(lanesOnly, FRAME, 0.5).contains(12.745 - 0.3 * nx, -14.575 - 0.3 * ny)).as("inside").isTrue();
    }

    @Test
    void shouldTakeTheConvexHullOfDegenerateSets() {
        // a square's corners counter-clockwise from the lowest-left, without its centre, a duplicate or an edge point
        assertThat(Carriageway.convexHull(List.of(new double[] {0, 0}, new double[] {2, 0}, new double[] {2, 2},
                new double[] {0, 2}, new double[] {1, 1}, new double[] {2, 2}, new double[] {1, 0})))
                .containsExactly(0, 0, 2, 0, 2, 2, 0, 2);
        // collinear points: the two ends; one point, or the same point twice: that point
        assertThat(Carriageway.convexHull(List.of(new double[] {0, 0}, new double[] {1, 1}, new double[] {3, 3})))
                .containsExactly(0, 0, 3, 3);
        assertThat(Carriageway.convexHull(List.<double[]>of(new double[] {4, 5}))).containsExactly(4, 5);
        assertThat(Carriageway.convexHull(List.of(new double[] {4, 5}, new double[] {4, 5}))).containsExactly(4, 5);
    }

    @Test
    void shouldBeEverywhereWithoutVehicleLanes() {
        Carriageway road = Carriageway.of(intersection(false), FRAME, 1.0);

        assertThat(road.isEverywhere()).isTrue();
        assertThat(road.contains(60, -15)).isTrue();
        assertThat(Carriageway.everywhere().contains(1e4, -1e4)).isTrue();
    }

    @Property(tries = 300)
    void shouldHoldEveryPointBetweenTwoStopLineEnds(@ForAll @IntRange(min = 0, max = 3) int legA,
                                                    @ForAll @IntRange(min = 0, max = 4) int laneA,
                                                    @ForAll @IntRange(min = 0, max = 3) int legB,
                                                    @ForAll @IntRange(min = 0, max = 4) int laneB,
                                                    @ForAll @DoubleRange(min = 0, max = 1) double t) {
        // the box is convex: any point between two lanes' stop-line ends is on the carriageway, with no margin
        double[] a = metres(node(legA, 20, offset(laneA)));
        double[] b = metres(node(legB, 20, offset(laneB)));
        assertThat(road(0).contains(a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))).isTrue();
    }

    @Property(tries = 300)
    void shouldOnlyGrowWithTheMargin(@ForAll @DoubleRange(min = -120, max = 120) double east,
                                     @ForAll @DoubleRange(min = -120, max = 120) double north,
                                     @ForAll @DoubleRange(min = 0, max = 3) double margin) {
        if (road(margin).contains(east, north)) {
            assertThat(road(margin + 0.5).contains(east, north)).isTrue();
        }
    }

    private static double offset(int lane) {
        return lane < 3 ? INGRESS[lane] : EGRESS[lane - 3];
    }

    private static double[] metres(MapData.GeoPoint p) {
        return new double[] {FRAME.east(p.longitude()), FRAME.north(p.latitude())};
    }
}
