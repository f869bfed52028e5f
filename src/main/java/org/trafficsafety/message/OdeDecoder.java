package org.trafficsafety.message;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes USDOT ODE output JSON ({@code {metadata, payload: {data, dataType}}}) of schemaVersion 6, 8 and 9.
 * The layout is told by the payload's shape, never by the {@code schemaVersion} label (which is sometimes
 * wrong): {@code data.value.<MessageName>} is 9 (raw J2735 integers, ASN.1 names), {@code data.coreData},
 * {@code data.basicType}, {@code data.intersectionStateList} or {@code data.intersections} are 6/8 (scaled,
 * except PSM speed/heading). The receipt time is {@code metadata.odeReceivedAt}; the source is
 * {@code metadata.originIp}. BSM and PSM are streamed; SPaT and MAP go through a tree. Thread-safe.
 */
public final class OdeDecoder extends StreamingDecoder {

    private final RecentString originIps = new RecentString();

    public OdeDecoder() {
        this(newMapper());
    }

    OdeDecoder(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    void readObject(JsonParser p, Decoded s) {
        boolean sawPayload = false;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "metadata" -> readMetadata(p, t, s);
                case "payload" -> {
                    sawPayload = true;
                    readPayload(p, t, s);
                }
                default -> p.skipChildren();
            }
        }
        if (s.reason != null) {
            return;
        }
        if (!sawPayload) {
            s.reject(RejectReason.MALFORMED, "not an ODE message (no payload)");
        } else if (s.type == null) {
            s.reject(RejectReason.UNKNOWN_TYPE, "ODE payload of a type other than BSM, PSM, SPaT, MAP");
        } else if (s.type == MessageType.BSM || s.type == MessageType.PSM) {
            s.finishVehicle(s.originIp != null && !s.originIp.isEmpty() ? s.originIp : "ode");
        } else {
            TreeMessages.finishOde(s);
        }
    }

    private void readMetadata(JsonParser p, JsonToken t, Decoded s) {
        if (!JsonRead.isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken vt = p.nextToken();
            switch (name) {
                case "odeReceivedAt" -> s.receivedAtMs = vt == JsonToken.VALUE_STRING
                        ? EventTime.parseIsoUtc(p.getStringCharacters(), p.getStringOffset(), p.getStringLength(),
                        s.receivedAtMs) : s.receivedAtMs;
                case "originIp" -> s.originIp = originIps.read(p, vt);
                default -> p.skipChildren();
            }
        }
    }

    private void readPayload(JsonParser p, JsonToken t, Decoded s) {
        if (!JsonRead.isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken vt = p.nextToken();
            if ("data".equals(name) && vt == JsonToken.START_OBJECT) {
                readData(p, s);
            } else {
                p.skipChildren();
            }
        }
    }

    /** payload.data: a v9 MessageFrame ({messageId, value}) or the v6/v8 message fields themselves. */
    private void readData(JsonParser p, Decoded s) {
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "value" -> readFrameValue(p, t, s);
                case "coreData" -> {
                    s.type = MessageType.BSM;
                    readVehicleObject(p, t, s, false);
                }
                case "basicType" -> {
                    s.type = MessageType.PSM;
                    readVehicleField(p, t, name, s, false);
                }
                // at this level these belong to a v6/v8 PSM (a BSM nests them in coreData), whose speed and
                // heading stay in raw J2735 units while its position is scaled
                case "id", "msgCnt", "secMark", "position" -> readVehicleField(p, t, name, s, false);
                case "speed" -> s.speedMps = Units.raw(JsonRead.number(p, t, s, "speed"), Units.SPEED_UNAVAILABLE,
                        Units.SPEED_UNITS_PER_MPS);
                case "heading" -> s.headingDeg = Units.raw(JsonRead.number(p, t, s, "heading"),
                        Units.HEADING_UNAVAILABLE, Units.HEADING_UNITS_PER_DEG);
                case "intersectionStateList" -> {
                    s.type = MessageType.SPAT;
                    s.tree = mapper.readTree(p);
                }
                case "intersections" -> {
                    s.type = MessageType.MAPDATA;
                    s.tree = mapper.readTree(p);
                }
                case "msgIssueRevision" -> JsonRead.msgIssueRevision(p, t, s);
                default -> p.skipChildren();
            }
        }
    }

    /** v9: {"BasicSafetyMessage": {...}} and the like; the key names the message. */
    private void readFrameValue(JsonParser p, JsonToken t, Decoded s) {
        if (!JsonRead.isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken vt = p.nextToken();
            switch (name) {
                case "BasicSafetyMessage" -> {
                    s.type = MessageType.BSM;
                    readBsm9(p, vt, s);
                }
                case "PersonalSafetyMessage" -> {
                    s.type = MessageType.PSM;
                    readVehicleObject(p, vt, s, true);
                }
                case "SPAT" -> {
                    s.type = MessageType.SPAT;
                    s.tree = mapper.readTree(p);
                    s.frame = true;
                }
                case "MapData" -> {
                    s.type = MessageType.MAPDATA;
                    s.tree = mapper.readTree(p);
                    s.frame = true;
                }
                default -> p.skipChildren();
            }
        }
    }

    private static void readBsm9(JsonParser p, JsonToken t, Decoded s) {
        if (!JsonRead.isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken vt = p.nextToken();
            if ("coreData".equals(name)) {
                readVehicleObject(p, vt, s, true);
            } else {
                p.skipChildren();
            }
        }
    }

    private static void readVehicleObject(JsonParser p, JsonToken t, Decoded s, boolean raw) {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            s.reject(RejectReason.MALFORMED, "message body is not an object");
            return;
        }
        readVehicleFields(p, s, raw);
    }

    /**
     * One field of BSM coreData or of a PSM. Position names differ between the layouts (latitude vs lat/long),
     * so they are unambiguous; speed and heading are raw in v9, scaled in a v6/v8 BSM (v6/v8 PSM: readData).
     */
    private static void readVehicleField(JsonParser p, JsonToken t, String name, Decoded s, boolean raw) {
        switch (name) {
            case "msgCnt" -> s.msgCnt = JsonRead.smallInt(p, t, s, "msgCnt is not an integer", -1);
            case "id" -> JsonRead.hexId(p, t, s);
            case "secMark" -> s.secMark = JsonRead.smallInt(p, t, s, "secMark is not an integer",
                    Bsm.SEC_MARK_UNAVAILABLE);
            case "position" -> readVehicleObjectFields(p, t, s, raw);
            case "latitude" -> s.latitude = Units.scaledLatitude(JsonRead.number(p, t, s, "latitude"));
            case "longitude" -> s.longitude = Units.scaledLongitude(JsonRead.number(p, t, s, "longitude"));
            case "elevation" -> s.elevationM = raw
                    ? Units.rawElevation(JsonRead.number(p, t, s, "elevation"))
                    : Units.scaledElevation(JsonRead.number(p, t, s, "elevation"));
            case "lat" -> s.latitude = Units.rawDegrees(JsonRead.number(p, t, s, "lat"), Units.LATITUDE_UNAVAILABLE);
            case "long" -> s.longitude = Units.rawDegrees(JsonRead.number(p, t, s, "long"),
                    Units.LONGITUDE_UNAVAILABLE);
            case "elev" -> s.elevationM = Units.rawElevation(JsonRead.number(p, t, s, "elev"));
            case "speed" -> {
                double v = JsonRead.number(p, t, s, "speed");
                s.speedMps = raw ? Units.raw(v, Units.SPEED_UNAVAILABLE, Units.SPEED_UNITS_PER_MPS) : Units.scaledSpeed(v);
            }
            case "heading" -> {
                double v = JsonRead.number(p, t, s, "heading");
                s.headingDeg = raw ? Units.raw(v, Units.HEADING_UNAVAILABLE, Units.HEADING_UNITS_PER_DEG)
                        : Units.scaledHeading(v);
            }
            case "accelSet" -> readAccelSet(p, t, s, raw);
            case "brakes" -> readBrakes(p, t, s);
            case "size" -> JsonRead.size(p, t, s, "size.width", "size.length");
            case "basicType" -> {
                VruType type = t == JsonToken.VALUE_STRING ? Units.vruTypeName(p.getString()) : null;
                if (type == null) {
                    p.skipChildren();
                    s.reject(RejectReason.OUT_OF_RANGE, "basicType not a known PersonalDeviceUserType");
                } else {
                    s.basicType = type;
                }
            }
            default -> p.skipChildren();
        }
    }

    private static void readVehicleObjectFields(JsonParser p, JsonToken t, Decoded s, boolean raw) {
        if (JsonRead.isObject(p, t)) {
            readVehicleFields(p, s, raw);
        }
    }

    private static void readVehicleFields(JsonParser p, Decoded s, boolean raw) {
        String name;
        while ((name = p.nextName()) != null) {
            readVehicleField(p, p.nextToken(), name, s, raw);
        }
    }

    private static void readAccelSet(JsonParser p, JsonToken t, Decoded s, boolean raw) {
        if (!JsonRead.isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken vt = p.nextToken();
            switch (name) {
                case "accelLong" -> s.accelLonMps2 = Units.scaledAccel(JsonRead.number(p, vt, s, "accelLong"));
                case "accelLat" -> s.accelLatMps2 = Units.scaledAccel(JsonRead.number(p, vt, s, "accelLat"));
                case "accelYaw" -> s.yawRateDegS = JsonRead.number(p, vt, s, "accelYaw");
                case "long" -> s.accelLonMps2 = accel(JsonRead.number(p, vt, s, "accelSet.long"), raw);
                case "lat" -> s.accelLatMps2 = accel(JsonRead.number(p, vt, s, "accelSet.lat"), raw);
                case "yaw" -> {
                    double v = JsonRead.number(p, vt, s, "accelSet.yaw");
                    s.yawRateDegS = raw ? v / Units.YAW_UNITS_PER_DEG_S : v;
                }
                default -> p.skipChildren();
            }
        }
    }

    private static double accel(double v, boolean raw) {
        return raw ? Units.raw(v, Units.ACCEL_UNAVAILABLE, Units.ACCEL_UNITS_PER_MPS2) : Units.scaledAccel(v);
    }

    /** wheelBrakes: v9 BIT STRING hex ("80"), v6/v8 an object of five booleans. */
    private static void readBrakes(JsonParser p, JsonToken t, Decoded s) {
        if (!JsonRead.isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken vt = p.nextToken();
            if (!"wheelBrakes".equals(name)) {
                p.skipChildren();
            } else if (vt == JsonToken.START_OBJECT) {
                readWheelBrakesObject(p, s);
            } else {
                int firstByte = JsonRead.bitStringFirstByte(p, vt);
                if (firstByte >= 0) {
                    s.wheelBrakes = firstByte >> 3;
                }
            }
        }
    }

    /** A v6/v8 wheelBrakes object of named booleans, or a v9 BIT STRING as {"value", "length"}. */
    private static void readWheelBrakesObject(JsonParser p, Decoded s) {
        int bits = 0;
        boolean named = false;
        int bitString = -1;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken vt = p.nextToken();
            int bit = switch (name) {
                case "unavailable" -> 16;
                case "leftFront" -> 8;
                case "leftRear" -> 4;
                case "rightFront" -> 2;
                case "rightRear" -> 1;
                default -> 0;
            };
            if (bit != 0) {
                named = true;
                if (vt == JsonToken.VALUE_TRUE) {
                    bits |= bit;
                }
            } else if ("value".equals(name)) {
                bitString = JsonRead.bitStringFirstByte(p, vt);
            } else {
                p.skipChildren();
            }
        }
        if (named) {
            s.wheelBrakes = bits;
        } else if (bitString >= 0) {
            s.wheelBrakes = bitString >> 3;
        }
    }
}
