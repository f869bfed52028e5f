package org.trafficsafety.analysis.geometry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.trafficsafety.message.MapData;

/**
 * Where vehicles drive at one intersection, after its MapData: the vehicle, bike, tram and crosswalk lanes, each
 * buffered by half the lane width plus a margin, and the box between them (the convex hull of each vehicle lane's
 * node nearest the reference point, grown by the margin). Conflict detection discards a vehicle–VRU collision
 * predicted off it: the VRU is on a sidewalk there, and the vehicle would have to leave the road to meet it, which
 * is what a turning vehicle's constant-turn prediction does when carried past the end of the turn. Without MapData,
 * or without vehicle lanes in it, the carriageway is everywhere. Immutable.
 */
public final class Carriageway {

    private static final Set<MapData.LaneType> ROAD = EnumSet.of(MapData.LaneType.VEHICLE, MapData.LaneType.BIKE_LANE,
            MapData.LaneType.TRACKED_VEHICLE, MapData.LaneType.CROSSWALK);
    /** A point this close to the box's edge (as edge length times distance, m^2) is on it, rounding aside. */
    private static final double BOUNDARY_M2 = 1e-6;
    private static final Carriageway EVERYWHERE = new Carriageway(null, new double[0], 0);

    /** null: everywhere. */
    private final LaneEnvelope lanes;
    /** The box's hull, counter-clockwise, packed as x0, y0, x1, y1, ... */
    private final double[] hull;
    private final double marginM;

    private Carriageway(LaneEnvelope lanes, double[] hull, double marginM) {
        this.lanes = lanes;
        this.hull = hull;
        this.marginM = marginM;
    }

    public static Carriageway everywhere() {
        return EVERYWHERE;
    }

    /**
     * @param marginM how far beyond a lane's edge (and the box) a VRU still counts as on the road, m
     */
    public static Carriageway of(MapData.IntersectionGeometry geometry, LocalFrame frame, double marginM) {
        if (!(marginM >= 0)) {
            throw new IllegalArgumentException("marginM must be >= 0, was " + marginM);
        }
        List<double[]> ends = new ArrayList<>();
        for (MapData.Lane lane : geometry.lanes()) {
            if (lane.laneType() != MapData.LaneType.VEHICLE) {
                continue;
            }
            double[] nearest = null;
            for (MapData.GeoPoint node : lane.nodes()) {
                double[] p = {frame.east(node.longitude()), frame.north(node.latitude())};
                if (LaneEnvelope.usable(p) && (nearest == null || p[0] * p[0] + p[1] * p[1] < nearest[0] * nearest[0] + nearest[1] * nearest[1])) {
                    nearest = p;
                }
            }
            if (nearest != null) {
                ends.add(nearest);
            }
        }
        if (ends.isEmpty()) {
            return EVERYWHERE;
        }
        return new Carriageway(LaneEnvelope.of(geometry, frame, marginM, ROAD::contains), convexHull(ends), marginM);
    }

    public boolean isEverywhere() {
        return lanes == null;
    }

    /** Whether the point (east, north) is on the carriageway. */
    public boolean contains(double east, double north) {
        return lanes == null || lanes.contains(east, north) || inBox(east, north);
    }

    private boolean inBox(double east, double north) {
        int n = hull.length / 2;
        boolean inside = n >= 3;
        double marginSq = marginM * marginM;
        for (int i = 0; i < n; i++) {
            double ax = hull[2 * i];
            double ay = hull[2 * i + 1];
            double bx = hull[2 * ((i + 1) % n)];
            double by = hull[2 * ((i + 1) % n) + 1];
            if ((bx - ax) * (north - ay) - (by - ay) * (east - ax) < -BOUNDARY_M2) {
                inside = false;
            }
            if (Segments.distanceSq(east, north, ax, ay, bx, by) <= marginSq) {
                return true;
            }
        }
        return inside;
    }

    /** Andrew's monotone chain: the hull of the points, counter-clockwise, without collinear or repeated points. */
    static double[] convexHull(List<double[]> points) {
        List<double[]> all = new ArrayList<>(points);
        all.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        List<double[]> sorted = new ArrayList<>(all.size());
        for (double[] p : all) {
            if (sorted.isEmpty() || sorted.getLast()[0] != p[0] || sorted.getLast()[1] != p[1]) {
                sorted.add(p);
            }
        }
        int n = sorted.size();
        double[][] hull = new double[2 * n][];
        int k = 0;
        for (int i = 0; i < n; i++) {
            while (k >= 2 && cross(hull[k - 2], hull[k - 1], sorted.get(i)) <= 0) {
                k--;
            }
            hull[k++] = sorted.get(i);
        }
        for (int i = n - 2, lower = k + 1; i >= 0; i--) {
            while (k >= lower && cross(hull[k - 2], hull[k - 1], sorted.get(i)) <= 0) {
                k--;
            }
            hull[k++] = sorted.get(i);
        }
        int size = n == 1 ? 1 : k - 1;
        double[] packed = new double[2 * size];
        for (int i = 0; i < size; i++) {
            packed[2 * i] = hull[i][0];
            packed[2 * i + 1] = hull[i][1];
        }
        return packed;
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }
}
