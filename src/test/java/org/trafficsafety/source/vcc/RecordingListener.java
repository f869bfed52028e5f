package org.trafficsafety.source.vcc;

import java.util.ArrayList;
import java.util.List;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.RejectReason;

/** Keeps everything a source delivered, for assertions from the test thread. */
final class RecordingListener implements MessageListener {

    private final List<Message> messages = new ArrayList<>();
    private final List<RejectReason> rejections = new ArrayList<>();

    @Override
    public synchronized void onMessage(Message message) {
        messages.add(message);
    }

    @Override
    public synchronized void onRejected(MessageType type, RejectReason reason, String detail) {
        rejections.add(reason);
    }

    synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    synchronized <T extends Message> List<T> of(Class<T> type) {
        return messages.stream().filter(type::isInstance).map(type::cast).toList();
    }

    synchronized List<RejectReason> rejections() {
        return List.copyOf(rejections);
    }
}
