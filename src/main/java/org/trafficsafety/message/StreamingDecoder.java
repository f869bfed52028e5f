package org.trafficsafety.message;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The document walk both dialects share: one object, an array of objects, or JSON strings holding documents
 * (VCC SPaT), each element ending in exactly one listener call. A parse error ends the document with one
 * MALFORMED rejection for what was left; the listener is never called from inside a parse step, so its own
 * exceptions are not mistaken for bad input.
 */
abstract class StreamingDecoder implements MessageDecoder {

    final JsonMapper mapper;

    StreamingDecoder(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** The mapper the decoders share: subtrees are read mid-document, so trailing tokens are expected. */
    static JsonMapper newMapper() {
        return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }

    /** Reads one message object (the parser is on its START_OBJECT) into the scratch and finishes it. */
    abstract void readObject(JsonParser p, Decoded s);

    @Override
    public final void decode(String json, long receivedAtMs, MessageListener out) {
        decodeDocument(json, receivedAtMs, out, 0);
    }

    private void decodeDocument(String json, long receivedAtMs, MessageListener out, int depth) {
        if (json == null) {
            out.onRejected(null, RejectReason.MALFORMED, "null document");
            return;
        }
        Decoded s = new Decoded();
        JsonParser p;
        JsonToken t;
        try {
            p = mapper.createParser(json);
            t = p.nextToken();
        } catch (JacksonException e) {
            out.onRejected(null, RejectReason.MALFORMED, shortText(e));
            return;
        }
        try (p) {
            boolean usable;
            if (t == null) {
                out.onRejected(null, RejectReason.MALFORMED, "empty document");
                usable = false;
            } else if (t != JsonToken.START_ARRAY) {
                usable = decodeValue(p, t, receivedAtMs, out, s, depth);
            } else {
                usable = decodeArray(p, receivedAtMs, out, s, depth);
            }
            if (usable) {
                rejectTrailingContent(p, out);
            }
        }
    }

    private static void rejectTrailingContent(JsonParser p, MessageListener out) {
        try {
            if (p.nextToken() == null) {
                return;
            }
        } catch (JacksonException e) {
            // unparseable trailing text: reported below like parseable extra values
        }
        out.onRejected(null, RejectReason.MALFORMED, "content after the end of the document");
    }

    /** @return false when the parser cannot go on (what is left was reported) */
    private boolean decodeArray(JsonParser p, long receivedAtMs, MessageListener out, Decoded s, int depth) {
        while (true) {
            JsonToken t;
            try {
                t = p.nextToken();
            } catch (JacksonException e) {
                out.onRejected(null, RejectReason.MALFORMED, shortText(e));
                return false;
            }
            if (t == JsonToken.END_ARRAY) {
                return true;
            }
            if (t == null) {
                out.onRejected(null, RejectReason.MALFORMED, "truncated array");
                return false;
            }
            if (!decodeValue(p, t, receivedAtMs, out, s, depth)) {
                return false;
            }
        }
    }

    /** @return false when the parser cannot go on (the rest of the document is lost and was reported) */
    private boolean decodeValue(JsonParser p, JsonToken t, long receivedAtMs, MessageListener out, Decoded s,
                                int depth) {
        if (t == JsonToken.VALUE_STRING && depth == 0) {
            String inner;
            try {
                inner = p.getString();
            } catch (JacksonException e) {
                out.onRejected(null, RejectReason.MALFORMED, shortText(e));
                return false;
            }
            decodeDocument(inner, receivedAtMs, out, depth + 1);
            return true;
        }
        s.reset(receivedAtMs);
        boolean parserUsable = true;
        try {
            if (t == JsonToken.START_OBJECT) {
                readObject(p, s);
            } else {
                p.skipChildren();
                s.reject(RejectReason.MALFORMED, "not a message object");
            }
        } catch (JacksonException e) {
            s.reject(RejectReason.MALFORMED, shortText(e));
            s.message = null;
            parserUsable = false;
        } catch (RuntimeException e) {
            // A defect or an exotic input the readers did not foresee: count it, never let it escape.
            s.reject(RejectReason.MALFORMED, "undecodable: " + e);
            s.message = null;
            parserUsable = false;
        }
        if (s.reason == null && s.message == null) {
            s.reject(RejectReason.MALFORMED, "no message in object");
        }
        if (s.reason != null) {
            out.onRejected(s.type, s.reason, s.detail);
        } else {
            out.onMessage(s.message);
        }
        return parserUsable;
    }

    static String shortText(Exception e) {
        String text = String.valueOf(e.getMessage());
        int cut = text.indexOf('\n');
        text = cut >= 0 ? text.substring(0, cut) : text;
        return text.length() > 160 ? text.substring(0, 160) : text;
    }
}
