package org.trafficsafety.message;

import java.io.StringWriter;
import java.time.Instant;
import java.util.HexFormat;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes messages as ODE output of <b>schemaVersion 9</b> (the J2735-2024 MessageFrame layout the ODE writes
 * today): {@code payload.data = {messageId, value: {<MessageName>: ...}}} in raw J2735 integers (1e-7 degree,
 * 0.1 m, 0.02 m/s, 0.0125 degree, 0.01 m/s^2), unavailable values as their J2735 codes, enumerations as
 * ASN.1 names. {@code metadata.odeReceivedAt} is the receipt time and {@code metadata.originIp} the source.
 * MAP lane nodes are written as absolute {@code node-LatLon} points (a legal J2735 choice that keeps 1e-7
 * degree precision); SPaT times as TimeMarks (tenths of a second in the hour, so 100 ms precision). A NaN yaw
 * rate, which J2735 cannot express, is left out. Thread-safe.
 */
public final class OdeEncoder implements MessageEncoder {

    private static final String[] PHASE_NAMES = {
        "unavailable", "dark", "stop-Then-Proceed", "stop-And-Remain", "pre-Movement",
        "permissive-Movement-Allowed", "protected-Movement-Allowed", "permissive-clearance",
        "protected-clearance", "caution-Conflicting-Traffic"};
    private static final String[] VRU_NAMES = {
        "unavailable", "aPEDESTRIAN", "aPEDALCYCLIST", "aPUBLICSAFETYWORKER", "anANIMAL"};
    private static final String[] LANE_TYPE_KEYS = {
        "vehicle", "crosswalk", "bikeLane", "sidewalk", "median", "striping", "trackedVehicle", "parking"};
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Override
    public String encode(Message message) {
        StringWriter w = new StringWriter(768);
        try (JsonGenerator g = mapper.createGenerator(w)) {
            g.writeStartObject();
            writeMetadata(g, message);
            g.writeObjectPropertyStart("payload");
            g.writeObjectPropertyStart("data");
            switch (message) {
                case Bsm b -> writeBsm(g, b);
                case Psm p -> writePsm(g, p);
                case MapData m -> writeMapData(g, m);
                case Spat s -> writeSpat(g, s);
            }
            g.writeEndObject();
            g.writeStringProperty("dataType", "us.dot.its.jpo.asn.j2735.r2024." + frameName(message.type()));
            g.writeEndObject();
            g.writeEndObject();
        }
        return w.toString();
    }

    private static String frameName(MessageType type) {
        return switch (type) {
            case BSM -> "BasicSafetyMessage.BasicSafetyMessageMessageFrame";
            case PSM -> "PersonalSafetyMessage.PersonalSafetyMessageMessageFrame";
            case SPAT -> "SPAT.SPATMessageFrame";
            case MAPDATA -> "MapData.MapDataMessageFrame";
        };
    }

    private static void writeMetadata(JsonGenerator g, Message m) {
        g.writeObjectPropertyStart("metadata");
        g.writeStringProperty("logFileName", "");
        g.writeStringProperty("recordType", m.type().key().replace("mapdata", "map") + "Tx");
        g.writeStringProperty("securityResultCode", "success");
        g.writeObjectPropertyStart("receivedMessageDetails");
        g.writeStringProperty("rxSource", "NA");
        g.writeEndObject();
        g.writeStringProperty("payloadType", "us.dot.its.jpo.ode.model.OdeMessageFramePayload");
        g.writeStringProperty("odeReceivedAt", Instant.ofEpochMilli(m.receivedAtMs()).toString());
        g.writeNumberProperty("schemaVersion", 9);
        g.writeStringProperty("recordGeneratedAt", "");
        g.writeBooleanProperty("sanitized", false);
        g.writeStringProperty("asn1", "");
        g.writeStringProperty("source", m instanceof Bsm ? "EV" : "RSU");
        String source = switch (m) {
            case Bsm b -> b.source();
            case Psm p -> p.source();
            default -> "";
        };
        if (!source.isEmpty()) {
            g.writeStringProperty("originIp", source);
        }
        g.writeBooleanProperty("isCertPresent", false);
        g.writeEndObject();
    }

    private static void writeBsm(JsonGenerator g, Bsm b) {
        g.writeNumberProperty("messageId", 20);
        g.writeObjectPropertyStart("value");
        g.writeObjectPropertyStart("BasicSafetyMessage");
        g.writeObjectPropertyStart("coreData");
        g.writeNumberProperty("msgCnt", b.msgCnt());
        g.writeStringProperty("id", TemporaryId.hex(b.id()));
        g.writeNumberProperty("secMark", b.secMark());
        g.writeNumberProperty("lat", raw(b.latitude(), 1e7, Units.LATITUDE_UNAVAILABLE));
        g.writeNumberProperty("long", raw(b.longitude(), 1e7, Units.LONGITUDE_UNAVAILABLE));
        g.writeNumberProperty("elev", raw(b.elevationM(), 10, Units.ELEVATION_UNAVAILABLE));
        writeAccuracyUnavailable(g);
        g.writeStringProperty("transmission", "unavailable");
        g.writeNumberProperty("speed", rawSpeed(b.speedMps()));
        g.writeNumberProperty("heading", rawHeading(b.headingDeg()));
        g.writeNumberProperty("angle", 127);
        g.writeObjectPropertyStart("accelSet");
        g.writeNumberProperty("long", raw(b.accelLonMps2(), 100, Units.ACCEL_UNAVAILABLE));
        g.writeNumberProperty("lat", raw(b.accelLatMps2(), 100, Units.ACCEL_UNAVAILABLE));
        g.writeNumberProperty("vert", -127);
        if (!Double.isNaN(b.yawRateDegS())) {
            g.writeNumberProperty("yaw", Math.round(b.yawRateDegS() * 100));
        }
        g.writeEndObject();
        g.writeObjectPropertyStart("brakes");
        g.writeStringProperty("wheelBrakes", HEX.toHexDigits((byte) (b.wheelBrakes() << 3)));
        for (String name : new String[] {"traction", "abs", "scs", "brakeBoost", "auxBrakes"}) {
            g.writeStringProperty(name, "unavailable");
        }
        g.writeEndObject();
        g.writeObjectPropertyStart("size");
        g.writeNumberProperty("width", VccEncoder.centimetres(b.widthM()));
        g.writeNumberProperty("length", VccEncoder.centimetres(b.lengthM()));
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writePsm(JsonGenerator g, Psm p) {
        g.writeNumberProperty("messageId", 32);
        g.writeObjectPropertyStart("value");
        g.writeObjectPropertyStart("PersonalSafetyMessage");
        g.writeStringProperty("basicType", VRU_NAMES[p.basicType().code()]);
        g.writeNumberProperty("secMark", p.secMark());
        g.writeNumberProperty("msgCnt", p.msgCnt());
        g.writeStringProperty("id", TemporaryId.hex(p.id()));
        g.writeObjectPropertyStart("position");
        g.writeNumberProperty("lat", raw(p.latitude(), 1e7, Units.LATITUDE_UNAVAILABLE));
        g.writeNumberProperty("long", raw(p.longitude(), 1e7, Units.LONGITUDE_UNAVAILABLE));
        if (!Double.isNaN(p.elevationM())) {
            g.writeNumberProperty("elevation", raw(p.elevationM(), 10, Units.ELEVATION_UNAVAILABLE));
        }
        g.writeEndObject();
        writeAccuracyUnavailable(g);
        g.writeNumberProperty("speed", rawSpeed(p.speedMps()));
        g.writeNumberProperty("heading", rawHeading(p.headingDeg()));
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeMapData(JsonGenerator g, MapData m) {
        g.writeNumberProperty("messageId", 18);
        g.writeObjectPropertyStart("value");
        g.writeObjectPropertyStart("MapData");
        g.writeNumberProperty("msgIssueRevision", m.msgIssueRevision());
        g.writeStringProperty("layerType", "intersectionData");
        g.writeNumberProperty("layerID", 0);
        g.writeArrayPropertyStart("intersections");
        for (MapData.IntersectionGeometry ix : m.intersections()) {
            g.writeStartObject();
            if (!ix.name().isEmpty()) {
                g.writeStringProperty("name", ix.name());
            }
            writeId(g, ix.id(), ix.region());
            g.writeNumberProperty("revision", ix.revision());
            g.writeObjectPropertyStart("refPoint");
            g.writeNumberProperty("lat", raw(ix.refLatitude(), 1e7, Units.LATITUDE_UNAVAILABLE));
            g.writeNumberProperty("long", raw(ix.refLongitude(), 1e7, Units.LONGITUDE_UNAVAILABLE));
            g.writeEndObject();
            if (!Double.isNaN(ix.laneWidthM())) {
                g.writeNumberProperty("laneWidth", VccEncoder.centimetres(ix.laneWidthM()));
            }
            g.writeArrayPropertyStart("laneSet");
            for (MapData.Lane lane : ix.lanes()) {
                writeLane(g, lane);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeLane(JsonGenerator g, MapData.Lane lane) {
        g.writeStartObject();
        g.writeNumberProperty("laneID", lane.laneId());
        if (lane.ingressApproach() != 0) {
            g.writeNumberProperty("ingressApproach", lane.ingressApproach());
        }
        if (lane.egressApproach() != 0) {
            g.writeNumberProperty("egressApproach", lane.egressApproach());
        }
        g.writeObjectPropertyStart("laneAttributes");
        g.writeStringProperty("directionalUse", HEX.toHexDigits((byte) ((lane.ingress() ? 0x80 : 0)
                | (lane.egress() ? 0x40 : 0))));
        g.writeStringProperty("sharedWith", "0000");
        g.writeObjectPropertyStart("laneType");
        g.writeStringProperty(LANE_TYPE_KEYS[lane.laneType().ordinal()],
                lane.laneType() == MapData.LaneType.VEHICLE ? "00" : "0000");
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectPropertyStart("nodeList");
        g.writeArrayPropertyStart("nodes");
        for (MapData.GeoPoint node : lane.nodes()) {
            g.writeStartObject();
            g.writeObjectPropertyStart("delta");
            g.writeObjectPropertyStart("node-LatLon");
            g.writeNumberProperty("lon", raw(node.longitude(), 1e7, Units.LONGITUDE_UNAVAILABLE));
            g.writeNumberProperty("lat", raw(node.latitude(), 1e7, Units.LATITUDE_UNAVAILABLE));
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        if (!lane.connections().isEmpty()) {
            g.writeArrayPropertyStart("connectsTo");
            for (MapData.Connection c : lane.connections()) {
                g.writeStartObject();
                g.writeObjectPropertyStart("connectingLane");
                g.writeNumberProperty("lane", c.connectingLaneId());
                g.writeEndObject();
                if (c.signalGroup() != 0) {
                    g.writeNumberProperty("signalGroup", c.signalGroup());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeSpat(JsonGenerator g, Spat s) {
        g.writeNumberProperty("messageId", 19);
        g.writeObjectPropertyStart("value");
        g.writeObjectPropertyStart("SPAT");
        int moy = VccEncoder.minuteOfYear(s.eventTimeMs());
        g.writeNumberProperty("timeStamp", moy);
        g.writeArrayPropertyStart("intersections");
        for (Spat.IntersectionState ix : s.intersections()) {
            g.writeStartObject();
            writeId(g, ix.id(), ix.region());
            g.writeNumberProperty("revision", ix.revision());
            g.writeStringProperty("status", HEX.toHexDigits((short) ix.status()));
            g.writeNumberProperty("moy", moy);
            g.writeNumberProperty("timeStamp", EventTime.secMarkOf(s.eventTimeMs()));
            g.writeArrayPropertyStart("states");
            for (Spat.MovementState state : ix.states()) {
                g.writeStartObject();
                g.writeNumberProperty("signalGroup", state.signalGroup());
                g.writeArrayPropertyStart("state-time-speed");
                for (Spat.MovementEvent e : state.events()) {
                    g.writeStartObject();
                    g.writeStringProperty("eventState", PHASE_NAMES[e.phase().ordinal()]);
                    g.writeObjectPropertyStart("timing");
                    g.writeNumberProperty("minEndTime", EventTime.timeMarkOf(e.minEndMs()));
                    if (e.maxEndMs() != Spat.TIME_UNKNOWN) {
                        g.writeNumberProperty("maxEndTime", EventTime.timeMarkOf(e.maxEndMs()));
                    }
                    if (e.likelyMs() != Spat.TIME_UNKNOWN) {
                        g.writeNumberProperty("likelyTime", EventTime.timeMarkOf(e.likelyMs()));
                    }
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeId(JsonGenerator g, int id, int region) {
        g.writeObjectPropertyStart("id");
        if (region != 0) {
            g.writeNumberProperty("region", region);
        }
        g.writeNumberProperty("id", id);
        g.writeEndObject();
    }

    private static void writeAccuracyUnavailable(JsonGenerator g) {
        g.writeObjectPropertyStart("accuracy");
        g.writeNumberProperty("semiMajor", 255);
        g.writeNumberProperty("semiMinor", 255);
        g.writeNumberProperty("orientation", 65535);
        g.writeEndObject();
    }

    private static long raw(double v, double perUnit, long unavailable) {
        return Double.isNaN(v) ? unavailable : Math.round(v * perUnit);
    }

    private static long rawSpeed(double mps) {
        return Double.isNaN(mps) ? Units.SPEED_UNAVAILABLE : Math.min(8190, Math.round(mps * Units.SPEED_UNITS_PER_MPS));
    }

    /** 0.0125 degree units; a heading that rounds up to 360 degrees wraps to 0. */
    private static long rawHeading(double deg) {
        return Double.isNaN(deg) ? Units.HEADING_UNAVAILABLE
                : Math.round(deg * Units.HEADING_UNITS_PER_DEG) % Units.HEADING_UNAVAILABLE;
    }
}
