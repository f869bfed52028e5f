package org.trafficsafety.message;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes messages as VCC Public API v3.1 JSON, the inverse of {@link VccDecoder}: BsmWithMetadata and
 * PsmWithMetadata ({@code timestamp} = receipt time, {@code locationName} = source, {@code rsuName}
 * "From_WebSocket"), decoded MapData, and the JSON_COMPLETE SPaT object (which the API sends as a JSON string:
 * {@link #encodeArray} does that). Unavailable values are written as {@code null}, sizes in cm, SPaT times in
 * epoch ms (unknown as 36001, as VCC does). Thread-safe.
 */
public final class VccEncoder implements MessageEncoder {

    static final String RSU_NAME = "From_WebSocket";
    private static final String[] LANE_TYPE_KEYS = {
        "vehicle", "crosswalk", "bikeLane", "sidewalk", "median", "striping", "trackedVehicle", "parking"};

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Override
    public String encode(Message message) {
        StringWriter w = new StringWriter(512);
        try (JsonGenerator g = mapper.createGenerator(w)) {
            write(g, message);
        }
        return w.toString();
    }

    /** A JSON array as the API returns it: objects, except SPaT, which goes in as a JSON string. */
    public String encodeArray(List<? extends Message> messages) {
        StringWriter w = new StringWriter(512 * Math.max(1, messages.size()));
        try (JsonGenerator g = mapper.createGenerator(w)) {
            g.writeStartArray();
            for (Message m : messages) {
                if (m instanceof Spat) {
                    g.writeString(encode(m));
                } else {
                    write(g, m);
                }
            }
            g.writeEndArray();
        }
        return w.toString();
    }

    private void write(JsonGenerator g, Message message) {
        switch (message) {
            case Bsm b -> writeBsm(g, b);
            case Psm p -> writePsm(g, p);
            case MapData m -> writeMapData(g, m);
            case Spat s -> writeSpat(g, s);
        }
    }

    private static void writeMetadata(JsonGenerator g, long receivedAtMs, String source) {
        g.writeNumberProperty("timestamp", receivedAtMs);
        g.writeStringProperty("rsuName", RSU_NAME);
        g.writeStringProperty("format", "JSON");
        g.writeStringProperty("locationName", source);
    }

    private static void writeBsm(JsonGenerator g, Bsm b) {
        g.writeStartObject();
        writeMetadata(g, b.receivedAtMs(), b.source());
        g.writeObjectPropertyStart("bsmJson");
        g.writeObjectPropertyStart("coreData");
        g.writeNumberProperty("msgCnt", b.msgCnt());
        g.writeNumberProperty("id", b.id());
        secMark(g, b.secMark());
        number(g, "lat", b.latitude());
        number(g, "lon", b.longitude());
        number(g, "elev", b.elevationM());
        number(g, "speed", b.speedMps());
        number(g, "heading", b.headingDeg());
        g.writeObjectPropertyStart("accelSet");
        number(g, "lon", b.accelLonMps2());
        number(g, "lat", b.accelLatMps2());
        g.writeNumberProperty("vert", 0.0);
        number(g, "yaw", b.yawRateDegS());
        g.writeEndObject();
        g.writeObjectPropertyStart("brakes");
        g.writeNumberProperty("wheelBrakes", b.wheelBrakes());
        g.writeEndObject();
        g.writeObjectPropertyStart("size");
        g.writeNumberProperty("width", centimetres(b.widthM()));
        g.writeNumberProperty("length", centimetres(b.lengthM()));
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writePsm(JsonGenerator g, Psm p) {
        g.writeStartObject();
        writeMetadata(g, p.receivedAtMs(), p.source());
        g.writeObjectPropertyStart("psmJson");
        g.writeNumberProperty("basicType", p.basicType().code());
        secMark(g, p.secMark());
        g.writeNumberProperty("msgCnt", p.msgCnt());
        g.writeNumberProperty("id", p.id());
        g.writeObjectPropertyStart("position");
        number(g, "lat", p.latitude());
        number(g, "lon", p.longitude());
        number(g, "elev", p.elevationM());
        g.writeEndObject();
        number(g, "speed", p.speedMps());
        number(g, "heading", p.headingDeg());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeMapData(JsonGenerator g, MapData m) {
        g.writeStartObject();
        g.writeNullProperty("timeStamp");
        g.writeNumberProperty("msgIssueRevision", m.msgIssueRevision());
        g.writeArrayPropertyStart("intersections");
        for (MapData.IntersectionGeometry ix : m.intersections()) {
            g.writeStartObject();
            text(g, "name", ix.name());
            writeId(g, ix.id(), ix.region());
            g.writeNumberProperty("revision", ix.revision());
            g.writeObjectPropertyStart("refPoint");
            g.writeNumberProperty("lat", ix.refLatitude());
            g.writeNumberProperty("lon", ix.refLongitude());
            g.writeEndObject();
            number(g, "laneWidth", ix.laneWidthM());
            g.writeArrayPropertyStart("laneSet");
            for (MapData.Lane lane : ix.lanes()) {
                writeLane(g, lane);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeLane(JsonGenerator g, MapData.Lane lane) {
        g.writeStartObject();
        g.writeNumberProperty("laneID", lane.laneId());
        optional(g, "ingressApproach", lane.ingressApproach());
        optional(g, "egressApproach", lane.egressApproach());
        g.writeObjectPropertyStart("laneAttributes");
        g.writeNumberProperty("directionalUse", (lane.ingress() ? 2 : 0) | (lane.egress() ? 1 : 0));
        g.writeNumberProperty("sharedWith", 0);
        g.writeObjectPropertyStart("laneType");
        for (int i = 0; i < LANE_TYPE_KEYS.length; i++) {
            if (lane.laneType().ordinal() == i) {
                g.writeNumberProperty(LANE_TYPE_KEYS[i], 0);
            } else {
                g.writeNullProperty(LANE_TYPE_KEYS[i]);
            }
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectPropertyStart("nodesList");
        g.writeArrayPropertyStart("nodes");
        for (MapData.GeoPoint node : lane.nodes()) {
            g.writeStartObject();
            g.writeObjectPropertyStart("delta");
            g.writeNumberProperty("lat", node.latitude());
            g.writeNumberProperty("lon", node.longitude());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayPropertyStart("connectsTo");
        for (MapData.Connection c : lane.connections()) {
            g.writeStartObject();
            g.writeObjectPropertyStart("connectingLane");
            g.writeNumberProperty("lane", c.connectingLaneId());
            g.writeEndObject();
            optional(g, "signalGroup", c.signalGroup());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeSpat(JsonGenerator g, Spat s) {
        g.writeStartObject();
        g.writeNullProperty("timeStamp");
        g.writeNullProperty("name");
        g.writeArrayPropertyStart("intersections");
        for (Spat.IntersectionState ix : s.intersections()) {
            g.writeStartObject();
            writeId(g, ix.id(), ix.region());
            g.writeNumberProperty("revision", ix.revision());
            g.writeNumberProperty("status", ix.status());
            g.writeNumberProperty("moy", minuteOfYear(s.eventTimeMs()));
            g.writeNumberProperty("timeStamp", EventTime.secMarkOf(s.eventTimeMs()));
            g.writeArrayPropertyStart("states");
            for (Spat.MovementState state : ix.states()) {
                g.writeStartObject();
                g.writeNumberProperty("signalGroup", state.signalGroup());
                g.writeArrayPropertyStart("stateTimeSpeed");
                for (Spat.MovementEvent e : state.events()) {
                    g.writeStartObject();
                    g.writeNumberProperty("eventState", e.phase().ordinal());
                    g.writeObjectPropertyStart("timing");
                    time(g, "minEndTimeStamp", e.minEndMs());
                    time(g, "maxEndTimeStamp", e.maxEndMs());
                    if (e.likelyMs() == Spat.TIME_UNKNOWN) {
                        g.writeNullProperty("likelyTimeStamp");
                    } else {
                        g.writeNumberProperty("likelyTimeStamp", e.likelyMs());
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
    }

    private static void writeId(JsonGenerator g, int id, int region) {
        g.writeObjectPropertyStart("id");
        optional(g, "region", region);
        g.writeNumberProperty("id", id);
        g.writeEndObject();
    }

    private static void time(JsonGenerator g, String name, long epochMs) {
        g.writeNumberProperty(name, epochMs == Spat.TIME_UNKNOWN ? EventTime.TIME_MARK_UNKNOWN_FROM + 1 : epochMs);
    }

    private static void secMark(JsonGenerator g, int secMark) {
        if (secMark == Bsm.SEC_MARK_UNAVAILABLE) {
            g.writeNullProperty("secMark");
        } else {
            g.writeNumberProperty("secMark", secMark);
        }
    }

    static void number(JsonGenerator g, String name, double v) {
        if (Double.isNaN(v)) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, v);
        }
    }

    private static void optional(JsonGenerator g, String name, int v) {
        if (v == 0) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, v);
        }
    }

    private static void text(JsonGenerator g, String name, String v) {
        if (v == null || v.isEmpty()) {
            g.writeNullProperty(name);
        } else {
            g.writeStringProperty(name, v);
        }
    }

    /** Metres to whole centimetres; 0 (VCC's "unavailable") for NaN. */
    static int centimetres(double m) {
        return Double.isNaN(m) ? 0 : (int) Math.round(m * 100);
    }

    static int minuteOfYear(long epochMs) {
        ZonedDateTime t = Instant.ofEpochMilli(epochMs).atZone(ZoneOffset.UTC);
        return (t.getDayOfYear() - 1) * 1440 + t.getHour() * 60 + t.getMinute();
    }
}
