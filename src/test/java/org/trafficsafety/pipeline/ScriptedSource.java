package org.trafficsafety.pipeline;

import java.util.Map;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.source.MessageSource;
import org.trafficsafety.source.SourceStatus;

/** A source that emits a fixed message sequence when the test says so, so a test can act between two parts of it. */
final class ScriptedSource implements MessageSource {

    private final Message[] messages;
    private MessageListener listener;
    private int emitted;

    ScriptedSource(Message[] messages) {
        this.messages = messages;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public void start(MessageListener listener) {
        this.listener = listener;
    }

    /** Emits the messages up to index {@code to} (exclusive) that were not emitted yet. */
    void emitUpTo(int to) {
        for (; emitted < to; emitted++) {
            listener.onMessage(messages[emitted]);
        }
    }

    void emitAll() {
        emitUpTo(messages.length);
    }

    @Override
    public SourceStatus status() {
        return new SourceStatus(name(), emitted < messages.length, emitted == 0 ? 0 : messages[emitted - 1].receivedAtMs(),
                "", Map.of("messages", (long) emitted));
    }

    @Override
    public void close() {
    }
}
