package org.trafficsafety.simulation.vccserver;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trafficsafety.message.MessageType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * What the fake server holds: per BSM/PSM id the latest message (kept {@code currentWindow}, like VCC's
 * "current"), per intersection the latest MapData and SPaT, and the last messages of each stream for replays.
 */
final class FeedStore {

    static final int HISTORY = 1024;

    private record Entry(String json, long publishedAtMs) {
    }

    private final JsonMapper json;
    private final InstantSource clock;
    private final long currentWindowMs;
    private final Map<MessageType, Map<Long, Entry>> current = new LinkedHashMap<>();
    private final Map<MessageType, ArrayDeque<String>> history = new LinkedHashMap<>();
    private long anonymous;
    private int publishedSincePrune;

    FeedStore(JsonMapper json, InstantSource clock, Duration currentWindow) {
        this.json = json;
        this.clock = clock;
        this.currentWindowMs = currentWindow.toMillis();
        for (MessageType type : MessageType.values()) {
            current.put(type, new LinkedHashMap<>());
            history.put(type, new ArrayDeque<>());
        }
    }

    /** Stores one message JSON document of {@code type}; returns the text the server serves for it. */
    String publish(MessageType type, String document) {
        JsonNode root = json.readTree(document);
        String text = document;
        if (type == MessageType.SPAT && root.isString()) {
            text = root.asString();
            root = json.readTree(text);
        }
        publish(type, keyOf(type, root), text);
        return text;
    }

    /**
     * Stores a document whose key is already known: the vehicle or VRU id for BSM/PSM, the intersection id for
     * MapData and SPaT (sent as the JSON object, not as a string).
     */
    synchronized void publish(MessageType type, long key, String text) {
        Map<Long, Entry> latest = current.get(type);
        latest.remove(key);
        latest.put(key, new Entry(text, clock.millis()));
        if (++publishedSincePrune >= 1024) {
            publishedSincePrune = 0;
            prune(MessageType.BSM);
            prune(MessageType.PSM);
        }
        ArrayDeque<String> recent = history.get(type);
        recent.addLast(text);
        if (recent.size() > HISTORY) {
            recent.removeFirst();
        }
    }

    /** The JSON array a REST endpoint returns: current BSM/PSM, all MapData, SPaT as an array of strings. */
    synchronized String currentArray(MessageType type) {
        Map<Long, Entry> latest = current.get(type);
        if (type == MessageType.BSM || type == MessageType.PSM) {
            prune(type);
        }
        if (type == MessageType.SPAT) {
            ArrayNode strings = json.createArrayNode();
            latest.values().forEach(e -> strings.add(e.json()));
            return json.writeValueAsString(strings);
        }
        StringBuilder out = new StringBuilder("[");
        for (Entry entry : latest.values()) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(entry.json());
        }
        return out.append(']').toString();
    }

    /** Forgets road users not heard from within the window (also while nobody polls, so memory stays bounded). */
    private void prune(MessageType type) {
        long oldest = clock.millis() - currentWindowMs;
        // entries are in publish order (an update is re-inserted at the end), so the expired ones come first
        for (Iterator<Entry> it = current.get(type).values().iterator(); it.hasNext(); ) {
            if (it.next().publishedAtMs() >= oldest) {
                return;
            }
            it.remove();
        }
    }

    /** How many entries of {@code type} are held (expired ones included until the next prune). */
    synchronized int held(MessageType type) {
        return current.get(type).size();
    }

    /** The last {@code count} messages published of {@code type}, oldest first. */
    synchronized List<String> lastMessages(MessageType type, int count) {
        List<String> all = new ArrayList<>(history.get(type));
        return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
    }

    private synchronized long keyOf(MessageType type, JsonNode root) {
        JsonNode id = switch (type) {
            case BSM -> root.path("bsmJson").path("coreData").path("id");
            case PSM -> root.path("psmJson").path("id");
            case MAPDATA, SPAT -> root.path("intersections").path(0).path("id").path("id");
        };
        return id.isNumber() ? id.asLong() : Long.MIN_VALUE + anonymous++;
    }
}
