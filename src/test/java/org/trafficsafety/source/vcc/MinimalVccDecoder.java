package org.trafficsafety.source.vcc;

import java.util.List;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.MapData;
import org.trafficsafety.message.MessageDecoder;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.Psm;
import org.trafficsafety.message.RejectReason;
import org.trafficsafety.message.Spat;
import org.trafficsafety.message.VruType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads just the fields the client tests look at (ids, msgCnt, secMark, timestamp, intersection ids), so that the
 * transport tests do not depend on the full codec; the end-to-end tests use the real VccDecoder.
 */
final class MinimalVccDecoder implements MessageDecoder {

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public void decode(String document, long receivedAtMs, MessageListener out) {
        JsonNode root;
        try {
            root = json.readTree(document);
        } catch (RuntimeException e) {
            out.onRejected(null, RejectReason.MALFORMED, "not JSON");
            return;
        }
        if (root.isArray()) {
            root.forEach(node -> one(node, receivedAtMs, out));
        } else {
            one(root, receivedAtMs, out);
        }
    }

    private void one(JsonNode node, long receivedAtMs, MessageListener out) {
        long timestamp = node.path("timestamp").asLong(receivedAtMs);
        if (node.isString()) {
            JsonNode spat = json.readTree(node.asString());
            int id = spat.path("intersections").path(0).path("id").path("id").asInt();
            out.onMessage(new Spat(receivedAtMs, receivedAtMs,
                    List.of(new Spat.IntersectionState(id, 0, 0, 0, List.of()))));
        } else if (node.has("bsmJson")) {
            JsonNode core = node.path("bsmJson").path("coreData");
            out.onMessage(new Bsm(core.path("id").asLong(), core.path("msgCnt").asInt(), core.path("secMark").asInt(),
                    timestamp, timestamp, core.path("lat").asDouble(), core.path("lon").asDouble(), Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, "test"));
        } else if (node.has("psmJson")) {
            JsonNode psm = node.path("psmJson");
            out.onMessage(new Psm(psm.path("id").asLong(), psm.path("msgCnt").asInt(), psm.path("secMark").asInt(),
                    timestamp, timestamp, VruType.PEDESTRIAN, psm.path("position").path("lat").asDouble(),
                    psm.path("position").path("lon").asDouble(), Double.NaN, Double.NaN, Double.NaN, "test"));
        } else if (node.has("intersections")) {
            out.onMessage(new MapData(receivedAtMs, receivedAtMs, node.path("msgIssueRevision").asInt(), List.of()));
        } else {
            out.onRejected(MessageType.BSM, RejectReason.MALFORMED, "unknown shape");
        }
    }
}
