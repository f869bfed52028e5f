package org.trafficsafety.message;

import tools.jackson.databind.json.JsonMapper;

/**
 * Decoder choice: a fixed dialect, or {@link #auto()}, which detects the dialect of each document. An ODE
 * document is a {@code {metadata, payload}} object (or an array of them); anything else is read as VCC.
 * Detection looks for the key {@code "payload":} in the text (quotes inside VCC strings are escaped, so a
 * VCC {@code misc} text mentioning "payload" does not count), at the cost of one scan of the text.
 */
public final class MessageDecoders {

    private static final String PAYLOAD_KEY = "\"payload\"";

    private MessageDecoders() {
    }

    /** A decoder for one dialect. */
    public static MessageDecoder of(Dialect dialect) {
        return dialect == Dialect.ODE ? new OdeDecoder() : new VccDecoder();
    }

    /** A decoder that detects the dialect per document; thread-safe. */
    public static MessageDecoder auto() {
        JsonMapper mapper = StreamingDecoder.newMapper();
        VccDecoder vcc = new VccDecoder(mapper);
        OdeDecoder ode = new OdeDecoder(mapper);
        return (json, receivedAtMs, out) -> (detect(json) == Dialect.ODE ? ode : vcc).decode(json, receivedAtMs, out);
    }

    /** The dialect a document looks like; VCC unless it has an ODE {@code "payload"} key. */
    public static Dialect detect(String json) {
        if (json == null) {
            return Dialect.VCC;
        }
        int at = json.indexOf(PAYLOAD_KEY);
        while (at >= 0) {
            if (isKey(json, at)) {
                return Dialect.ODE;
            }
            at = json.indexOf(PAYLOAD_KEY, at + 1);
        }
        return Dialect.VCC;
    }

    /** A quoted "payload" followed by a colon is a key; inside a string value it would be escaped or not followed by ':'. */
    private static boolean isKey(String json, int at) {
        if (at > 0 && json.charAt(at - 1) == '\\') {
            return false;
        }
        for (int i = at + PAYLOAD_KEY.length(); i < json.length(); i++) {
            char c = json.charAt(i);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return c == ':';
            }
        }
        return false;
    }
}
