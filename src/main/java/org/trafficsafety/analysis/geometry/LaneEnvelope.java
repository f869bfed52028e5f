package org.trafficsafety.analysis.geometry;

import java.util.Arrays;
import java.util.function.Predicate;
import org.trafficsafety.message.MapData;

/**
 * The area a MapData's lanes cover, widened by a margin: every lane centre line (node to node) buffered by half
 * its lane width plus the margin, in the intersection's local frame. Immutable.
 */
public final class LaneEnvelope {

    /** J2735's laneWidth is optional; a common urban lane. */
    static final double DEFAULT_LANE_WIDTH_M = 3.5;
    static final double MAX_LANE_WIDTH_M = 10.0;
    /** Lane nodes farther than this (per axis) from the reference point are ignored, m. */
    static final double MAX_NODE_DISTANCE_M = 1_000.0;

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

    /**
     * The envelope of a MapData intersection's lanes, or an empty one when it has no usable lane node. Nodes more
     * than {@link #MAX_NODE_DISTANCE_M} from the reference point, and lane widths outside 0–10 m, are taken for
     * bad data (the node is skipped, the width defaulted) so that one broken MapData cannot claim a whole town.
     */
    public static LaneEnvelope of(MapData.IntersectionGeometry geometry, LocalFrame frame, double marginM) {
        return of(geometry, frame, marginM, lane -> true);
    }

    /** The same, of the lanes of the types accepted only. */
    public static LaneEnvelope of(MapData.IntersectionGeometry geometry, LocalFrame frame, double marginM,
                                  Predicate<MapData.LaneType> types) {
        double width = geometry.laneWidthM();
        double laneWidth = width > 0 && width <= MAX_LANE_WIDTH_M ? width : DEFAULT_LANE_WIDTH_M;
        double[] segments = new double[64];
        int n = 0;
        for (MapData.Lane lane : geometry.lanes()) {
            if (!types.test(lane.laneType())) {
                continue;
            }
            double[] previous = null;
            int before = n;
            for (MapData.GeoPoint node : lane.nodes()) {
                double[] p = {frame.east(node.longitude()), frame.north(node.latitude())};
                if (!usable(p)) {
                    continue;
                }
                if (previous != null) {
                    segments = add(segments, n, previous, p);
                    n += 4;
                }
                previous = p;
            }
            if (n == before && previous != null) {
                // a lane with one usable node is a point: a segment from the node to itself
                segments = add(segments, n, previous, previous);
                n += 4;
            }
        }
        return new LaneEnvelope(Arrays.copyOf(segments, n), laneWidth / 2 + marginM);
    }

    /** Whether a node (east, north) is near enough to the reference point to be taken for good data. */
    static boolean usable(double[] node) {
        return Math.abs(node[0]) <= MAX_NODE_DISTANCE_M && Math.abs(node[1]) <= MAX_NODE_DISTANCE_M;
    }

    private static double[] add(double[] segments, int n, double[] from, double[] to) {
        double[] out = n + 4 > segments.length ? Arrays.copyOf(segments, segments.length * 2) : segments;
        out[n] = from[0];
        out[n + 1] = from[1];
        out[n + 2] = to[0];
        out[n + 3] = to[1];
        return out;
    }

    public static LaneEnvelope empty() {
        return new LaneEnvelope(new double[0], 0);
    }

    public boolean isEmpty() {
        return segments.length == 0;
    }

    public int segmentCount() {
        return segments.length / 4;
    }

    /** Farthest distance of the envelope's edge from the reference point, m (for the zone's bounding box). */
    public double extentM() {
        if (isEmpty()) {
            return 0;
        }
        return Math.max(Math.max(-minEast, maxEast), Math.max(-minNorth, maxNorth));
    }

    public boolean contains(double east, double north) {
        if (east < minEast || east > maxEast || north < minNorth || north > maxNorth) {
            return false;
        }
        double reachSq = reachM * reachM;
        for (int i = 0; i < segments.length; i += 4) {
            if (Segments.distanceSq(east, north, segments[i], segments[i + 1], segments[i + 2], segments[i + 3]) <= reachSq) {
                return true;
            }
        }
        return false;
    }
}
