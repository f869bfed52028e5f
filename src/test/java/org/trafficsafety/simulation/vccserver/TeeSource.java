package org.trafficsafety.simulation.vccserver;

import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.RejectReason;
import org.trafficsafety.source.MessageSource;
import org.trafficsafety.source.SourceStatus;

/** Test source: passes a source's messages on and shows each to {@code copy} first (to compare sent with received). */
record TeeSource(MessageSource source, MessageListener copy) implements MessageSource {

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public void start(MessageListener listener) {
        source.start(new MessageListener() {
            @Override
            public void onMessage(Message message) {
                copy.onMessage(message);
                listener.onMessage(message);
            }

            @Override
            public void onRejected(MessageType type, RejectReason reason, String detail) {
                listener.onRejected(type, reason, detail);
            }
        });
    }

    @Override
    public SourceStatus status() {
        return source.status();
    }

    @Override
    public void close() {
        source.close();
    }
}
