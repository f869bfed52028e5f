package org.trafficsafety.message;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes VCC Public API v3.1 JSON: BsmWithMetadata, PsmWithMetadata, decoded MapData and JSON_COMPLETE SPaT
 * (also as JSON strings inside an array), one object or an array, the type told by the object's shape.
 * BSM and PSM are streamed field by field; MapData and SPaT (a few per second at most) go through a tree.
 * Units as VCC sends them: degrees, metres, m/s, m/s^2 (accelSet.vert in G is not used), id an integer,
 * unavailable values {@code null}. The receipt time is the message's {@code timestamp} when present.
 * Thread-safe.
 */
public final class VccDecoder extends StreamingDecoder {

    private final RecentString locationNames = new RecentString();
    private final RecentString rsuNames = new RecentString();

    public VccDecoder() {
        this(newMapper());
    }

    VccDecoder(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    void readObject(JsonParser p, Decoded s) {
        JsonToken intersectionsToken = null;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "timestamp" -> {
                    long ts = JsonRead.integer(p, t, s, "timestamp is not an integer");
                    if (ts != JsonRead.ABSENT) {
                        s.receivedAtMs = ts;
                    }
                    s.sawMetadata = true;
                }
                case "rsuName" -> {
                    s.rsuName = rsuNames.read(p, t);
                    s.sawMetadata = true;
                }
                case "locationName" -> s.locationName = locationNames.read(p, t);
                case "bsmJson" -> readBody(p, t, s, MessageType.BSM);
                case "psmJson" -> readBody(p, t, s, MessageType.PSM);
                case "bsmJ2735", "psmJ2735" -> {
                    s.sawUperOnly = s.type == null;
                    p.skipChildren();
                }
                case "intersections" -> {
                    intersectionsToken = t;
                    s.tree = mapper.readTree(p);
                }
                case "msgIssueRevision" -> JsonRead.msgIssueRevision(p, t, s);
                default -> p.skipChildren();
            }
        }
        finish(s, intersectionsToken);
    }

    private void finish(Decoded s, JsonToken intersectionsToken) {
        if (s.type == MessageType.BSM || s.type == MessageType.PSM) {
            s.finishVehicle(source(s));
        } else if (intersectionsToken != null) {
            TreeMessages.finishVcc(s);
        } else if (s.sawUperOnly) {
            s.reject(RejectReason.MALFORMED, "only UPER (bsmJ2735/psmJ2735), no JSON body");
        } else if (s.sawMetadata) {
            s.reject(RejectReason.UNKNOWN_TYPE, "VCC message without bsmJson, psmJson or intersections");
        } else {
            s.reject(RejectReason.MALFORMED, "not a VCC message");
        }
    }

    private static String source(Decoded s) {
        if (s.locationName != null && !s.locationName.isEmpty()) {
            return s.locationName;
        }
        return s.rsuName != null && !s.rsuName.isEmpty() ? s.rsuName : "vcc";
    }

    private static void readBody(JsonParser p, JsonToken t, Decoded s, MessageType type) {
        s.type = type;
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            if (t != JsonToken.VALUE_NULL) {
                s.reject(RejectReason.MALFORMED, "message body is not an object");
            }
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken vt = p.nextToken();
            if (type == MessageType.BSM) {
                if ("coreData".equals(name) && vt == JsonToken.START_OBJECT) {
                    readFields(p, s);
                } else {
                    p.skipChildren();
                }
            } else {
                readField(p, vt, name, s);
            }
        }
    }

    private static void readFields(JsonParser p, Decoded s) {
        String name;
        while ((name = p.nextName()) != null) {
            readField(p, p.nextToken(), name, s);
        }
    }

    /** One field of BSM coreData or of psmJson (their shared names mean the same in VCC). */
    private static void readField(JsonParser p, JsonToken t, String name, Decoded s) {
        switch (name) {
            case "msgCnt" -> s.msgCnt = JsonRead.smallInt(p, t, s, "msgCnt is not an integer", -1);
            case "id" -> {
                long id = JsonRead.integer(p, t, s, "id is not an integer");
                if (id != JsonRead.ABSENT) {
                    s.setId(id);
                }
            }
            case "secMark" -> s.secMark = JsonRead.smallInt(p, t, s, "secMark is not an integer",
                    Bsm.SEC_MARK_UNAVAILABLE);
            case "lat" -> s.latitude = Units.scaledLatitude(JsonRead.number(p, t, s, "lat is not a number"));
            case "lon" -> s.longitude = Units.scaledLongitude(JsonRead.number(p, t, s, "lon is not a number"));
            case "elev" -> s.elevationM = Units.scaledElevation(JsonRead.number(p, t, s, "elev is not a number"));
            case "position" -> readObjectFields(p, t, s);
            case "speed" -> s.speedMps = Units.scaledSpeed(JsonRead.number(p, t, s, "speed is not a number"));
            case "heading" -> s.headingDeg = Units.scaledHeading(JsonRead.number(p, t, s, "heading is not a number"));
            case "accelSet" -> readAccelSet(p, t, s);
            case "brakes" -> readBrakes(p, t, s);
            case "size" -> JsonRead.size(p, t, s, "size.width is not a number",
                    "size.length is not a number");
            case "basicType" -> s.basicType = t == JsonToken.VALUE_STRING ? vruTypeName(p.getString(), s)
                    : Units.vruType(JsonRead.smallInt(p, t, s, "basicType is not an integer", 0), s);
            default -> p.skipChildren();
        }
    }

    /** The API documents an integer; an ODE-style name ("aPEDESTRIAN") is accepted too. */
    private static VruType vruTypeName(String name, Decoded s) {
        VruType type = Units.vruTypeName(name);
        if (type == null) {
            s.reject(RejectReason.OUT_OF_RANGE, "basicType not a known PersonalDeviceUserType");
            return VruType.UNAVAILABLE;
        }
        return type;
    }

    private static void readObjectFields(JsonParser p, JsonToken t, Decoded s) {
        if (JsonRead.isObject(p, t)) {
            readFields(p, s);
        }
    }

    private static void readAccelSet(JsonParser p, JsonToken t, Decoded s) {
        if (!JsonRead.isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken vt = p.nextToken();
            switch (name) {
                case "lon" -> s.accelLonMps2 = Units.scaledAccel(JsonRead.number(p, vt, s, "accelSet.lon"));
                case "lat" -> s.accelLatMps2 = Units.scaledAccel(JsonRead.number(p, vt, s, "accelSet.lat"));
                case "yaw" -> s.yawRateDegS = JsonRead.number(p, vt, s, "accelSet.yaw is not a number");
                default -> p.skipChildren();
            }
        }
    }

    private static void readBrakes(JsonParser p, JsonToken t, Decoded s) {
        if (!JsonRead.isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken vt = p.nextToken();
            if ("wheelBrakes".equals(name)) {
                s.wheelBrakes = JsonRead.smallInt(p, vt, s, "wheelBrakes is not an integer",
                        Bsm.WHEEL_BRAKES_UNAVAILABLE);
            } else {
                p.skipChildren();
            }
        }
    }
}
