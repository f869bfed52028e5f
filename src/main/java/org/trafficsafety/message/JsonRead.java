package org.trafficsafety.message;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Small readers of the current streaming token that never throw for a wrong type: they record a MALFORMED
 * rejection in the scratch, skip the value and return the "unavailable" value instead.
 */
final class JsonRead {

    /** Returned by {@link #integer} for JSON null or a wrong type. */
    static final long ABSENT = Long.MIN_VALUE;

    private JsonRead() {
    }

    /** @return true when t opens an object to read field by field; any other value is skipped */
    static boolean isObject(JsonParser p, JsonToken t) {
        if (t == JsonToken.START_OBJECT) {
            return true;
        }
        p.skipChildren();
        return false;
    }

    /** The optional MapData/SPaT revision counter, at the same place in both dialects. */
    static void msgIssueRevision(JsonParser p, JsonToken t, Decoded s) {
        s.hasMsgIssueRevision = true;
        s.msgIssueRevision = smallInt(p, t, s, "msgIssueRevision is not an integer", 0);
    }

    /** A vehicle size object {width, length} in centimetres; the field texts name a wrong type in each dialect. */
    static void size(JsonParser p, JsonToken t, Decoded s, String widthField, String lengthField) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken vt = p.nextToken();
            switch (name) {
                case "width" -> s.widthCm = number(p, vt, s, widthField);
                case "length" -> s.lengthCm = number(p, vt, s, lengthField);
                default -> p.skipChildren();
            }
        }
    }

    /** A number as double; null gives NaN. */
    static double number(JsonParser p, JsonToken t, Decoded s, String field) {
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getDoubleValue();
        }
        if (t != JsonToken.VALUE_NULL) {
            s.reject(RejectReason.MALFORMED, field);
            p.skipChildren();
        }
        return Double.NaN;
    }

    /** An integral number (a float with no fraction is accepted); null or a wrong type gives {@link #ABSENT}. */
    static long integer(JsonParser p, JsonToken t, Decoded s, String field) {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                s.reject(RejectReason.OUT_OF_RANGE, field);
                return ABSENT;
            }
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return (long) d;
            }
            s.reject(RejectReason.MALFORMED, field);
            return ABSENT;
        }
        if (t != JsonToken.VALUE_NULL) {
            s.reject(RejectReason.MALFORMED, field);
            p.skipChildren();
        }
        return ABSENT;
    }

    /** An int-sized field: absent and values beyond int give {@code whenAbsent} / an OUT_OF_RANGE rejection. */
    static int smallInt(JsonParser p, JsonToken t, Decoded s, String field, int whenAbsent) {
        long v = integer(p, t, s, field);
        if (v == ABSENT) {
            return whenAbsent;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            s.reject(RejectReason.OUT_OF_RANGE, field);
            return whenAbsent;
        }
        return (int) v;
    }

    /** Whether the current string token equals {@code expected}, compared without allocating. */
    static boolean textEquals(JsonParser p, String expected) {
        int len = p.getStringLength();
        if (len != expected.length()) {
            return false;
        }
        char[] buf = p.getStringCharacters();
        int off = p.getStringOffset();
        for (int i = 0; i < len; i++) {
            if (buf[off + i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Reads an ODE TemporaryID (up to 8 hex digits) into the scratch without allocating. */
    static void hexId(JsonParser p, JsonToken t, Decoded s) {
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        if (t != JsonToken.VALUE_STRING) {
            s.reject(RejectReason.MALFORMED, "id is not a hex string");
            p.skipChildren();
            return;
        }
        int len = p.getStringLength();
        if (len == 0) {
            return;
        }
        if (len > 8) {
            s.reject(RejectReason.OUT_OF_RANGE, "id longer than 8 hex digits");
            return;
        }
        long v = hexValue(p.getStringCharacters(), p.getStringOffset(), len);
        if (v < 0) {
            s.reject(RejectReason.MALFORMED, "id is not hex");
        } else {
            s.setId(v);
        }
    }

    /** The first byte of a J2735 BIT STRING given as hex ("80") or {"value": hex, "length": n}; -1 if unreadable. */
    static int bitStringFirstByte(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_STRING) {
            int len = Math.min(2, p.getStringLength());
            long v = len == 0 ? -1 : hexValue(p.getStringCharacters(), p.getStringOffset(), len);
            return v < 0 ? -1 : (int) (len == 1 ? v << 4 : v);
        }
        if (t == JsonToken.START_OBJECT) {
            int result = -1;
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken vt = p.nextToken();
                if ("value".equals(name)) {
                    result = bitStringFirstByte(p, vt);
                } else {
                    p.skipChildren();
                }
            }
            return result;
        }
        p.skipChildren();
        return -1;
    }

    /** Hex digits to a value; -1 on a non-hex character. */
    static long hexValue(char[] buf, int off, int len) {
        long v = 0;
        for (int i = off; i < off + len; i++) {
            int d = Character.digit(buf[i], 16);
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }
}
