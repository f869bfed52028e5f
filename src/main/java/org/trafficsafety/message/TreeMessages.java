package org.trafficsafety.message;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * MapData and SPaT, read from a tree (they are few and deeply nested): dispatch by dialect plus the tree
 * helpers both readers use. Readers signal bad input with {@link Invalid}, which carries the reject reason.
 */
final class TreeMessages {

    /** The three layouts: VCC, ODE 6/8 (scaled, wrapper objects) and ODE 9 (raw, ASN.1 names). */
    enum Layout { VCC, ODE_SCALED, ODE_FRAME }

    private TreeMessages() {
    }

    static void finishVcc(Decoded s) {
        boolean map = s.hasMsgIssueRevision || firstHas(s.tree, "laneSet") || firstHas(s.tree, "refPoint");
        boolean spat = !map && firstHas(s.tree, "states");
        if (!map && !spat) {
            s.reject(RejectReason.MALFORMED, "intersections without laneSet or states");
            return;
        }
        s.type = map ? MessageType.MAPDATA : MessageType.SPAT;
        finish(s, s.tree, Layout.VCC);
    }

    static void finishOde(Decoded s) {
        JsonNode intersections = s.frame ? s.tree.get("intersections") : s.tree;
        finish(s, intersections, s.frame ? Layout.ODE_FRAME : Layout.ODE_SCALED);
    }

    private static void finish(Decoded s, JsonNode intersections, Layout layout) {
        try {
            if (s.type == MessageType.MAPDATA) {
                int revision = s.frame ? intValue(s.tree.get("msgIssueRevision"), 0) : s.msgIssueRevision;
                s.message = MapDataReader.read(intersections, revision, s.receivedAtMs, layout);
            } else {
                s.message = SpatReader.read(intersections, s.receivedAtMs, layout);
            }
        } catch (Invalid e) {
            s.reject(e.reason, e.getMessage());
        }
    }

    private static boolean firstHas(JsonNode intersections, String field) {
        if (intersections == null || !intersections.isArray() || intersections.isEmpty()) {
            return false;
        }
        JsonNode first = intersections.get(0);
        return first.isObject() && first.has(field);
    }

    /** The elements of a SEQUENCE OF: a plain array (VCC, v9) or v6/v8's wrapper object around it. */
    static List<JsonNode> elements(JsonNode node, String wrapper) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return List.of();
        }
        JsonNode list = node;
        if (node.isObject()) {
            list = node.get(wrapper);
            if (list == null || list.isNull()) {
                return List.of();
            }
            if (list.isObject()) {
                return List.of(list);
            }
        }
        if (!list.isArray()) {
            throw new Invalid(RejectReason.MALFORMED, wrapper + " is not a list");
        }
        List<JsonNode> out = new ArrayList<>(list.size());
        for (JsonNode e : list) {
            if (!e.isObject()) {
                throw new Invalid(RejectReason.MALFORMED, wrapper + " holds a non-object");
            }
            out.add(e);
        }
        return out;
    }

    /** The first of several spellings that is present and not null, else null. */
    static JsonNode field(JsonNode node, String... names) {
        if (node == null || !node.isObject()) {
            return null;
        }
        for (String name : names) {
            JsonNode v = node.get(name);
            if (v != null && !v.isNull()) {
                return v;
            }
        }
        return null;
    }

    static int intValue(JsonNode n, int whenAbsent) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return whenAbsent;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new Invalid(RejectReason.MALFORMED, "expected an integer, got " + abbreviate(n));
        }
        return n.intValue();
    }

    static int requiredInt(JsonNode n, String what) {
        if (n == null || n.isNull()) {
            throw new Invalid(RejectReason.MALFORMED, what + " missing");
        }
        return intValue(n, 0);
    }

    static long longValue(JsonNode n, long whenAbsent) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return whenAbsent;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new Invalid(RejectReason.MALFORMED, "expected an integer, got " + abbreviate(n));
        }
        return n.longValue();
    }

    static double doubleValue(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return Double.NaN;
        }
        if (!n.isNumber()) {
            throw new Invalid(RejectReason.MALFORMED, "expected a number, got " + abbreviate(n));
        }
        return n.doubleValue();
    }

    static String text(JsonNode n) {
        return n != null && n.isString() ? n.stringValue() : null;
    }

    /**
     * A J2735 BIT STRING as an integer of {@code bits} bits, first named bit most significant: hex text
     * ("8000"), {"value": hex, "length": n}, or a plain integer (VCC); -1 when absent.
     */
    static int bitString(JsonNode n, int bits) {
        if (n == null || n.isNull()) {
            return -1;
        }
        if (n.isIntegralNumber()) {
            return n.intValue();
        }
        JsonNode hexNode = n.isObject() ? n.get("value") : n;
        String hex = text(hexNode);
        if (hex == null || hex.isEmpty() || hex.length() > 8) {
            throw new Invalid(RejectReason.MALFORMED, "bit string not hex: " + abbreviate(n));
        }
        long v = JsonRead.hexValue(hex.toCharArray(), 0, hex.length());
        if (v < 0) {
            throw new Invalid(RejectReason.MALFORMED, "bit string not hex: " + abbreviate(n));
        }
        int padded = hex.length() * 4;
        return (int) (padded >= bits ? v >> (padded - bits) : v << (bits - padded));
    }

    /** Named booleans (v6/v8's expanded bit strings) to an integer, names in bit order, first most significant. */
    static int namedBits(JsonNode n, String... names) {
        int v = 0;
        for (String name : names) {
            v <<= 1;
            JsonNode b = n.get(name);
            if (b != null && b.isBoolean() && b.booleanValue()) {
                v |= 1;
            }
        }
        return v;
    }

    static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** A rejection found deep in a tree; rare (bad MAP/SPaT only), so an exception keeps the readers plain. */
    static final class Invalid extends RuntimeException {
        final RejectReason reason;

        Invalid(RejectReason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }
}
