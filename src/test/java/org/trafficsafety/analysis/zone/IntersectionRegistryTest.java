package org.trafficsafety.analysis.zone;

import org.trafficsafety.analysis.geometry.LaneEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.geometry.LocalFrame;
import org.trafficsafety.message.MapData;

class IntersectionRegistryTest {

    private static final Intersection I156 = Intersection.seeded().get(0);
    private static final LocalFrame F156 = new LocalFrame(I156.latitude(), I156.longitude());
    /** A made-up intersection 150 m east of 156, so that the two 120 m zones overlap between 30 and 120 m east. */
    private static final Intersection EAST = new Intersection(9001, "150 m east of 156", I156.latitude(),
            F156.longitude(150), 120);

    private final List<Intersection> registered = new ArrayList<>();
    private final IntersectionRegistry registry = new IntersectionRegistry(List.of(I156, EAST),
            Map.of("US-29 & Nutley", 9001), 120, 10, (intersection, geometry) -> registered.add(intersection));

    private Optional<Integer> assigned(double eastM, double northM, String source) {
        return registry.findZone(F156.latitude(northM), F156.longitude(eastM), source).map(z -> z.intersection().id());
    }

    @Test
    void shouldAssignWithinTheZoneRadiusOnly() {
        assertThat(assigned(0, 119, "rsu")).contains(156);
        assertThat(assigned(-85, -85, "rsu")).isEmpty(); // 120.2 m away
        assertThat(assigned(-84, -84, "rsu")).contains(156); // 118.8 m away
        assertThat(assigned(0, 121, "rsu")).isEmpty();
        assertThat(assigned(0, 5_000, "rsu")).isEmpty();
    }

    @Test
    void shouldGiveOverlapsToTheNearestReferencePoint() {
        // 60 m east: 60 m from 156 and 90 m from 9001; 80 m east: 80 m vs 70 m
        assertThat(assigned(60, 0, "rsu")).contains(156);
        assertThat(assigned(80, 0, "rsu")).contains(9001);
        assertThat(assigned(260, 0, "rsu")).contains(9001);
    }

    @Test
    void shouldLetAnAliasWinInsideItsOwnZone() {
        // 60 m east is nearer 156, but the source's alias names 9001, whose zone also contains it
        assertThat(assigned(60, 0, "US-29 & Nutley")).contains(9001);
    }

    @Test
    void shouldNotLetAnAliasPullInPositionsOutsideItsZone() {
        // 20 m west of 156 is 170 m from 9001: outside its zone, so the nearest zone (156) keeps it
        assertThat(assigned(-20, 0, "US-29 & Nutley")).contains(156);
        assertThat(assigned(0, 400, "US-29 & Nutley")).isEmpty();
    }

    @Test
    void shouldReturnTheSameFoundInstanceWithoutAllocating() {
        Optional<Zone> a = registry.findZone(F156.latitude(1), F156.longitude(1), "rsu");
        Optional<Zone> b = registry.findZone(F156.latitude(2), F156.longitude(2), "rsu");

        assertThat(a).isSameAs(b);
        assertThat(a.orElseThrow().slot()).isZero();
    }

    @Test
    void shouldAssignWithoutAllocating() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        double[] lats = new double[1_000];
        double[] lons = new double[1_000];
        for (int i = 0; i < lats.length; i++) {
            lats[i] = F156.latitude(i % 250 - 125);
            lons[i] = F156.longitude(i % 300 - 100);
        }
        int found = 0;
        for (int i = 0; i < 20_000; i++) {
            found += registry.findZone(lats[i % 1_000], lons[i % 1_000], "US-29 & Nutley").isPresent() ? 1 : 0;
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            found += registry.findZone(lats[i % 1_000], lons[i % 1_000], "US-29 & Nutley").isPresent() ? 1 : 0;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(found).isPositive();
        // one 16-byte object per call would be 1.6 MB
        assertThat(allocated).isLessThan(4_096);
    }

    @Nested
    class MapDataRegistration {

        /** A MapData intersection 2 km north of 156 with one 300 m lane running east from its reference point. */
        private final LocalFrame far = new LocalFrame(F156.latitude(2_000), I156.longitude());

        private MapData.IntersectionGeometry geometry(int id, int revision) {
            List<MapData.GeoPoint> nodes = List.of(
                    new MapData.GeoPoint(far.latitude(0), far.longitude(10)),
                    new MapData.GeoPoint(far.latitude(0), far.longitude(150)),
                    new MapData.GeoPoint(far.latitude(0), far.longitude(300)));
            MapData.Lane lane = new MapData.Lane(1, MapData.LaneType.VEHICLE, true, false, 1, 0, nodes, List.of());
            return new MapData.IntersectionGeometry(id, 0, revision, "", far.refLatitude(), far.refLongitude(), 3.6,
                    List.of(lane));
        }

        private Optional<Integer> assignedNear(double eastM, double northM) {
            return registry.findZone(far.latitude(northM), far.longitude(eastM), "rsu").map(z -> z.intersection().id());
        }

        @Test
        void shouldRegisterANewIntersectionAndTellTheListener() {
            Zone zone = registry.register(geometry(4242, 1)).orElseThrow();

            assertThat(zone.intersection().id()).isEqualTo(4242);
            assertThat(zone.intersection().name()).isEqualTo("MapData intersection 4242");
            assertThat(zone.slot()).isEqualTo(2);
            assertThat(registered).extracting(Intersection::id).containsExactly(4242);
            assertThat(assignedNear(0, 50)).contains(4242);
        }

        @Test
        void shouldExtendTheZoneAlongTheLaneEnvelope() {
            registry.register(geometry(4242, 1));

            // 280 m along the lane: beyond the 120 m radius but on the lane
            assertThat(assignedNear(280, 0)).contains(4242);
            // 1.8 m lane half-width + 10 m margin = 11.8 m either side of the centre line
            assertThat(assignedNear(280, 11.7)).contains(4242);
            assertThat(assignedNear(280, 11.9)).isEmpty();
            // beyond the lane's end by more than the reach
            assertThat(assignedNear(312, 0)).isEmpty();
        }

        @Test
        void shouldIgnoreImpossibleLaneWidthsAndFarAwayNodes() {
            // laneWidth 500 m -> default 3.5 m; a stray node 50 km away is skipped, the lane keeps its 2 near segments
            List<MapData.GeoPoint> nodes = List.of(
                    new MapData.GeoPoint(far.latitude(0), far.longitude(10)),
                    new MapData.GeoPoint(far.latitude(0), far.longitude(150)),
                    new MapData.GeoPoint(far.latitude(50_000), far.longitude(50_000)),
                    new MapData.GeoPoint(far.latitude(0), far.longitude(300)));
            MapData.Lane lane = new MapData.Lane(1, MapData.LaneType.VEHICLE, true, false, 1, 0, nodes, List.of());
            registry.register(new MapData.IntersectionGeometry(4243, 0, 1, "", far.refLatitude(), far.refLongitude(),
                    500, List.of(lane)));

            assertThat(registry.findById(4243).orElseThrow().laneSegmentCount()).isEqualTo(2);
            // reach = 3.5 / 2 + 10 = 11.75 m
            assertThat(assignedNear(280, 11.7)).contains(4243);
            assertThat(assignedNear(280, 11.8)).isEmpty();
            assertThat(assignedNear(25_000, 25_000)).isEmpty();
        }

        @Test
        void shouldNotReannounceAKnownIntersectionButAdoptItsNewLanes() {
            registry.register(geometry(4242, 1));
            registry.register(geometry(4242, 1));
            registry.register(geometry(4242, 2));

            assertThat(registered).hasSize(1);
            assertThat(registry.findById(4242).orElseThrow().laneSegmentCount()).isEqualTo(2);
        }

        @Test
        void shouldKeepASeededReferencePointWhenMapDataArrives() {
            MapData.IntersectionGeometry moved = new MapData.IntersectionGeometry(156, 0, 3, "VCC 156", I156.latitude() + 0.001,
                    I156.longitude(), 3.6, List.of());
            registry.register(moved);

            assertThat(registered).isEmpty();
            assertThat(registry.findById(156).orElseThrow().intersection().latitude()).isEqualTo(I156.latitude());
        }
    }

    /** Brute force: the seeded intersections whose 120 m zone contains the point, nearest first. */
    @Property(seed = "42", tries = 2_000)
    void shouldMatchBruteForceNearestZoneOverTheSeededIntersections(
            @ForAll @DoubleRange(min = -0.012, max = 0.012) @Scale(6) double dLat,
            @ForAll @DoubleRange(min = -0.012, max = 0.012) @Scale(6) double dLon) {
        IntersectionRegistry seeded = new IntersectionRegistry(Intersection.seeded(), Map.of(), 120, 10, (i, g) -> { });
        double lat = 38.9235 + dLat;
        double lon = -77.2358 + dLon;

        Optional<Integer> expected = Optional.empty();
        double best = Double.POSITIVE_INFINITY;
        for (Intersection i : Intersection.seeded()) {
            LocalFrame f = new LocalFrame(i.latitude(), i.longitude());
            double d = Math.hypot(f.east(lon), f.north(lat));
            if (d <= 120 && d < best) {
                best = d;
                expected = Optional.of(i.id());
            }
        }

        assertThat(seeded.findZone(lat, lon, "x").map(z -> z.intersection().id())).isEqualTo(expected);
    }
}
