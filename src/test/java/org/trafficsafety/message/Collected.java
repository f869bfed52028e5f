package org.trafficsafety.message;

import java.util.ArrayList;
import java.util.List;

/** A listener that keeps everything it is told, for assertions. */
final class Collected implements MessageListener {

    record Rejection(MessageType type, RejectReason reason, String detail) {
    }

    final List<Message> messages = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();

    @Override
    public void onMessage(Message message) {
        messages.add(message);
    }

    @Override
    public void onRejected(MessageType type, RejectReason reason, String detail) {
        rejections.add(new Rejection(type, reason, detail));
    }

    int calls() {
        return messages.size() + rejections.size();
    }

    <T extends Message> T only(Class<T> type) {
        if (messages.size() != 1 || !rejections.isEmpty()) {
            throw new AssertionError("expected exactly one message, got " + messages + " and " + rejections);
        }
        return type.cast(messages.getFirst());
    }

    <T extends Message> T get(int i, Class<T> type) {
        return type.cast(messages.get(i));
    }

    static Collected decode(MessageDecoder decoder, String json, long receivedAtMs) {
        Collected c = new Collected();
        decoder.decode(json, receivedAtMs, c);
        return c;
    }

    static String resource(String path) {
        try (var in = Collected.class.getResourceAsStream("/messages/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
