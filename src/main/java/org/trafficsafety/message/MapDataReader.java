package org.trafficsafety.message;

import static org.trafficsafety.message.TreeMessages.doubleValue;
import static org.trafficsafety.message.TreeMessages.elements;
import static org.trafficsafety.message.TreeMessages.field;
import static org.trafficsafety.message.TreeMessages.intValue;
import static org.trafficsafety.message.TreeMessages.requiredInt;
import static org.trafficsafety.message.TreeMessages.text;

import java.util.ArrayList;
import java.util.List;
import org.trafficsafety.message.MapData.Connection;
import org.trafficsafety.message.MapData.GeoPoint;
import org.trafficsafety.message.MapData.IntersectionGeometry;
import org.trafficsafety.message.MapData.Lane;
import org.trafficsafety.message.MapData.LaneType;
import org.trafficsafety.message.TreeMessages.Invalid;
import org.trafficsafety.message.TreeMessages.Layout;
import tools.jackson.databind.JsonNode;

/**
 * MapData intersections of any layout into the model. VCC nodes are absolute degrees; ODE node-XY offsets are
 * centimetres east/north of the previous node (the first from the reference point) and become degrees through
 * the same equirectangular projection as the analysis' {@code LocalFrame}, so they map back exactly.
 */
final class MapDataReader {

    /** WGS-84 mean radius, as in analysis.geometry.LocalFrame. */
    static final double EARTH_RADIUS_M = 6_371_008.8;
    static final double M_PER_DEG_LAT = Math.PI * EARTH_RADIUS_M / 180.0;

    private static final String[] LANE_TYPE_KEYS = {
        "vehicle", "crosswalk", "bikeLane", "sidewalk", "median", "striping", "trackedVehicle", "parking"};
    private static final LaneType[] LANE_TYPES = LaneType.values();

    private MapDataReader() {
    }

    static MapData read(JsonNode intersections, int msgIssueRevision, long receivedAtMs, Layout layout) {
        List<IntersectionGeometry> out = new ArrayList<>();
        for (JsonNode ix : elements(intersections, "intersectionGeometry")) {
            out.add(intersection(ix, layout));
        }
        return new MapData(receivedAtMs, receivedAtMs, msgIssueRevision, out);
    }

    private static IntersectionGeometry intersection(JsonNode ix, Layout layout) {
        JsonNode id = ix.get("id");
        int intersectionId = requiredInt(id == null ? null : id.get("id"), "intersection id");
        int region = intValue(id.get("region"), 0);
        JsonNode ref = ix.get("refPoint");
        double refLat;
        double refLon;
        if (layout == Layout.ODE_FRAME) {
            refLat = Units.rawDegrees(doubleValue(field(ref, "lat")), Units.LATITUDE_UNAVAILABLE);
            refLon = Units.rawDegrees(doubleValue(field(ref, "long")), Units.LONGITUDE_UNAVAILABLE);
        } else {
            refLat = doubleValue(field(ref, "lat", "latitude"));
            refLon = doubleValue(field(ref, "lon", "longitude"));
        }
        if (Double.isNaN(refLat) || Double.isNaN(refLon)) {
            throw new Invalid(RejectReason.MISSING_POSITION, "intersection " + intersectionId + " has no refPoint");
        }
        requireInRange(refLat, refLon, "refPoint");
        double laneWidth = doubleValue(ix.get("laneWidth"));
        double laneWidthM = layout == Layout.VCC ? laneWidth : laneWidth / 100.0;
        List<Lane> lanes = new ArrayList<>();
        double mPerDegLon = M_PER_DEG_LAT * Math.cos(Math.toRadians(refLat));
        for (JsonNode lane : elements(ix.get("laneSet"), "GenericLane")) {
            lanes.add(lane(lane, layout, refLat, refLon, mPerDegLon));
        }
        return new IntersectionGeometry(intersectionId, region, intValue(ix.get("revision"), 0), text(ix.get("name")),
                refLat, refLon, laneWidthM, lanes);
    }

    private static Lane lane(JsonNode lane, Layout layout, double refLat, double refLon, double mPerDegLon) {
        int laneId = requiredInt(lane.get("laneID"), "laneID");
        JsonNode attributes = lane.get("laneAttributes");
        JsonNode directional = field(attributes, "directionalUse");
        int direction;
        if (directional == null) {
            direction = 0;
        } else if (directional.isObject() && directional.has("ingressPath")) {
            direction = TreeMessages.namedBits(directional, "ingressPath", "egressPath");
        } else {
            direction = TreeMessages.bitString(directional, 2);
        }
        List<GeoPoint> nodes = nodes(field(lane, "nodesList", "nodeList"), layout, refLat, refLon, mPerDegLon);
        List<Connection> connections = new ArrayList<>();
        for (JsonNode c : elements(lane.get("connectsTo"), "connectsTo")) {
            JsonNode connecting = c.get("connectingLane");
            connections.add(new Connection(requiredInt(connecting == null ? null : connecting.get("lane"),
                    "connectingLane.lane"), intValue(c.get("signalGroup"), 0)));
        }
        return new Lane(laneId, laneType(field(attributes, "laneType")), (direction & 2) != 0, (direction & 1) != 0,
                intValue(lane.get("ingressApproach"), 0), intValue(lane.get("egressApproach"), 0), nodes, connections);
    }

    /** The CHOICE key whose value is not null; a lane without laneType is taken as a vehicle lane. */
    private static LaneType laneType(JsonNode laneType) {
        if (laneType == null || !laneType.isObject()) {
            return LaneType.VEHICLE;
        }
        for (int i = 0; i < LANE_TYPE_KEYS.length; i++) {
            JsonNode v = laneType.get(LANE_TYPE_KEYS[i]);
            if (v != null && !v.isNull()) {
                return LANE_TYPES[i];
            }
        }
        return LaneType.VEHICLE;
    }

    private static List<GeoPoint> nodes(JsonNode nodeList, Layout layout, double refLat, double refLon,
                                        double mPerDegLon) {
        if (nodeList == null) {
            return List.of();
        }
        if (nodeList.isObject() && nodeList.get("nodes") == null && field(nodeList, "computed") != null) {
            throw new Invalid(RejectReason.MALFORMED, "computed lanes are not supported");
        }
        List<GeoPoint> out = new ArrayList<>();
        double east = 0;
        double north = 0;
        for (JsonNode node : elements(nodeList, "nodes")) {
            JsonNode delta = node.get("delta");
            if (delta == null || !delta.isObject()) {
                throw new Invalid(RejectReason.MALFORMED, "node without delta");
            }
            double lat;
            double lon;
            JsonNode latLon = field(delta, "node-LatLon", "nodeLatLon");
            JsonNode xy = latLon != null ? null : xyOffset(delta);
            if (layout == Layout.VCC || latLon != null) {
                JsonNode point = latLon != null ? latLon : delta;
                lat = doubleValue(point.get("lat"));
                lon = doubleValue(point.get("lon"));
                if (layout == Layout.ODE_FRAME) {
                    lat /= 1e7;
                    lon /= 1e7;
                }
                east = (lon - refLon) * mPerDegLon;
                north = (lat - refLat) * M_PER_DEG_LAT;
            } else if (xy != null) {
                east += doubleValue(xy.get("x")) / 100.0;
                north += doubleValue(xy.get("y")) / 100.0;
                lat = refLat + north / M_PER_DEG_LAT;
                lon = refLon + east / mPerDegLon;
            } else {
                throw new Invalid(RejectReason.MALFORMED, "node delta of an unknown kind");
            }
            if (Double.isNaN(lat) || Double.isNaN(lon)) {
                throw new Invalid(RejectReason.MALFORMED, "node without coordinates");
            }
            requireInRange(lat, lon, "lane node");
            out.add(new GeoPoint(lat, lon));
        }
        return out;
    }

    private static JsonNode xyOffset(JsonNode delta) {
        for (int i = 1; i <= 6; i++) {
            JsonNode v = field(delta, "node-XY" + i, "nodeXY" + i);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static void requireInRange(double lat, double lon, String what) {
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw new Invalid(RejectReason.OUT_OF_RANGE, what + " outside WGS-84 range");
        }
    }
}
