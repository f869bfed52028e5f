package org.trafficsafety.analysis.zone;

import org.trafficsafety.analysis.geometry.LaneEnvelope;
import java.util.Optional;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.geometry.LocalFrame;

/**
 * The area that belongs to one intersection: a disc of the intersection's zone radius around its reference point
 * (or its zone polygon, when it has one), united with its MapData lane envelope once one is known. Owned and
 * updated by {@link IntersectionRegistry}.
 */
public final class Zone {

    private static final double M_PER_DEG_LAT = 111_195.0;
    /** Bounding boxes are widened by this fraction so that the degree approximation never cuts the zone. */
    private static final double BOX_SLACK = 1.01;

    private final Intersection intersection;
    private final int slot;
    private final LocalFrame frame;
    private final double radiusSq;
    /** Zone polygon vertices in the local frame (metres); empty arrays for a disc zone. */
    private final double[] polygonEast;
    private final double[] polygonNorth;
    /** This zone as a found result: assignment returns it without allocating. */
    private final Optional<Zone> asFound = Optional.of(this);
    private LaneEnvelope envelope = LaneEnvelope.empty();
    private int mapRevision = -1;
    private double minLat;
    private double maxLat;
    private double minLon;
    private double maxLon;

    Zone(Intersection intersection, int slot) {
        this.intersection = intersection;
        this.slot = slot;
        this.frame = new LocalFrame(intersection.latitude(), intersection.longitude());
        this.radiusSq = intersection.zoneRadiusM() * intersection.zoneRadiusM();
        int n = intersection.zonePolygon().size();
        this.polygonEast = new double[n];
        this.polygonNorth = new double[n];
        for (int i = 0; i < n; i++) {
            polygonEast[i] = frame.east(intersection.zonePolygon().get(i).longitude());
            polygonNorth[i] = frame.north(intersection.zonePolygon().get(i).latitude());
        }
        updateBox();
    }

    public Intersection intersection() {
        return intersection;
    }

    /** The intersection's local metric frame (x east, y north, metres from the reference point). */
    public LocalFrame frame() {
        return frame;
    }

    /** Dense index of this zone in registration order (0, 1, 2 ...): lets callers keep per-zone state in an array. */
    public int slot() {
        return slot;
    }

    /** Number of lane segments of the MapData envelope (0 before any MapData). */
    public int laneSegmentCount() {
        return envelope.segmentCount();
    }

    Optional<Zone> asFound() {
        return asFound;
    }

    int mapRevision() {
        return mapRevision;
    }

    void useLaneEnvelope(LaneEnvelope laneEnvelope, int revision) {
        this.envelope = laneEnvelope;
        this.mapRevision = revision;
        updateBox();
    }

    /** Cheap test in degrees before any projection. */
    boolean mayContain(double latitude, double longitude) {
        return latitude >= minLat && latitude <= maxLat && longitude >= minLon && longitude <= maxLon;
    }

    /** Squared distance from the reference point in metres when inside the zone, else +infinity. */
    double distanceSqIfInside(double latitude, double longitude) {
        double east = frame.east(longitude);
        double north = frame.north(latitude);
        double dSq = east * east + north * north;
        boolean inZone = polygonEast.length == 0 ? dSq <= radiusSq : insidePolygon(east, north);
        return inZone || envelope.contains(east, north) ? dSq : Double.POSITIVE_INFINITY;
    }

    /** Even-odd ray casting in the local frame. */
    private boolean insidePolygon(double east, double north) {
        boolean inside = false;
        for (int i = 0, j = polygonEast.length - 1; i < polygonEast.length; j = i++) {
            if ((polygonNorth[i] > north) != (polygonNorth[j] > north)
                    && east < (polygonEast[j] - polygonEast[i]) * (north - polygonNorth[i]) / (polygonNorth[j] - polygonNorth[i]) + polygonEast[i]) {
                inside = !inside;
            }
        }
        return inside;
    }

    private void updateBox() {
        double extentM = Math.max(intersection.zoneRadiusM(), envelope.extentM()) * BOX_SLACK;
        double dLat = extentM / M_PER_DEG_LAT;
        double dLon = extentM / (M_PER_DEG_LAT * Math.max(0.01, Math.cos(Math.toRadians(intersection.latitude()))));
        minLat = intersection.latitude() - dLat;
        maxLat = intersection.latitude() + dLat;
        minLon = intersection.longitude() - dLon;
        maxLon = intersection.longitude() + dLon;
    }
}
