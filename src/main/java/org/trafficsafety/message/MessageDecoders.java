package org.trafficsafety.message;

import tools.jackson.databind.json.JsonMapper;

/**
 * Decoder choice: a fixed dialect, or {@link #auto()}, which detects the dialect of each document. An ODE
 * document is a {@code {metadata, payload}} object (or an array of them); anything else is read as VCC.
 * Detection looks for the quoted key {@code "payload"} in the text, which a VCC document never contains
 * (VCC SPaT strings escape their quotes), at the cost of one scan of the text.
 */
public final class MessageDecoders {

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
        return json != null && json.contains("\"payload\"") ? Dialect.ODE : Dialect.VCC;
    }
}
