package org.trafficsafety.analysis.zone;

import java.util.List;
import org.trafficsafety.analysis.geometry.LocalFrame;
import org.trafficsafety.message.MapData;

/**
 * The area a MapData's lanes cover, widened by a margin: every lane centre line (node to node) buffered by half
 * its lane width plus the margin, in the intersection's local frame. Immutable.
 */
final class LaneEnvelope {

    /** J2735's laneWidth is optional; a common urban lane. */
    static final double DEFAULT_LANE_WIDTH_M = 3.5;

    /** Segment endpoints packed as x0, y0, x1, y1 per segment. */
    private final double[] segments;
    private final double reachM;
    private final double minEast;
    private final double maxEast;
    private final double minNorth;
    private final double maxNorth;

    private LaneEnvelope(double[] segments, double reachM) {
        this.segments = segments;
        this.reachM = reachM;
        double minE = Double.POSITIVE_INFINITY;
        double maxE = Double.NEGATIVE_INFINITY;
        double minN = Double.POSITIVE_INFINITY;
        double maxN = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < segments.length; i += 2) {
            minE = Math.min(minE, segments[i]);
            maxE = Math.max(maxE, segments[i]);
            minN = Math.min(minN, segments[i + 1]);
            maxN = Math.max(maxN, segments[i + 1]);
        }
        this.minEast = minE - reachM;
        this.maxEast = maxE + reachM;
        this.minNorth = minN - reachM;
        this.maxNorth = maxN + reachM;
    }

    /** The envelope of a MapData intersection's lanes, or an empty one when it has no lane with a node. */
    static LaneEnvelope of(MapData.IntersectionGeometry geometry, LocalFrame frame, double marginM) {
        double laneWidth = geometry.laneWidthM() > 0 ? geometry.laneWidthM() : DEFAULT_LANE_WIDTH_M;
        int count = 0;
        for (MapData.Lane lane : geometry.lanes()) {
            count += segmentsOf(lane);
        }
        double[] segments = new double[count * 4];
        int i = 0;
        for (MapData.Lane lane : geometry.lanes()) {
            List<MapData.GeoPoint> nodes = lane.nodes();
            for (int n = 0; n < segmentsOf(lane); n++) {
                // a one-node lane is a point: a segment from the node to itself
                MapData.GeoPoint a = nodes.get(n);
                MapData.GeoPoint b = nodes.get(Math.min(n + 1, nodes.size() - 1));
                segments[i++] = frame.east(a.longitude());
                segments[i++] = frame.north(a.latitude());
                segments[i++] = frame.east(b.longitude());
                segments[i++] = frame.north(b.latitude());
            }
        }
        return new LaneEnvelope(segments, laneWidth / 2 + marginM);
    }

    private static int segmentsOf(MapData.Lane lane) {
        return lane.nodes().isEmpty() ? 0 : Math.max(1, lane.nodes().size() - 1);
    }

    static LaneEnvelope empty() {
        return new LaneEnvelope(new double[0], 0);
    }

    boolean isEmpty() {
        return segments.length == 0;
    }

    int segmentCount() {
        return segments.length / 4;
    }

    /** Farthest distance of the envelope's edge from the reference point, m (for the zone's bounding box). */
    double extentM() {
        if (isEmpty()) {
            return 0;
        }
        return Math.max(Math.max(-minEast, maxEast), Math.max(-minNorth, maxNorth));
    }

    boolean contains(double east, double north) {
        if (east < minEast || east > maxEast || north < minNorth || north > maxNorth) {
            return false;
        }
        double reachSq = reachM * reachM;
        for (int i = 0; i < segments.length; i += 4) {
            if (distanceSqToSegment(east, north, segments[i], segments[i + 1], segments[i + 2], segments[i + 3]) <= reachSq) {
                return true;
            }
        }
        return false;
    }

    private static double distanceSqToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSq = dx * dx + dy * dy;
        double t = lengthSq == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / lengthSq;
        t = Math.max(0, Math.min(1, t));
        double ex = px - (ax + t * dx);
        double ey = py - (ay + t * dy);
        return ex * ex + ey * ey;
    }
}
