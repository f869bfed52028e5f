package org.trafficsafety.simulation.vccserver;

import java.util.Collection;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.trafficsafety.message.MessageType;

/** One client connected to {@code /ws/bsm} or {@code /ws/psm}: the messages waiting for its next push. Public only because Jetty invokes its callbacks reflectively. */
public final class PushSocket implements Session.Listener.AutoDemanding {

    private final MessageType type;
    private final SocketHub hub;
    private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
    private volatile Session session;

    PushSocket(MessageType type, SocketHub hub) {
        this.type = type;
        this.hub = hub;
    }

    MessageType type() {
        return type;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        session = opened;
        hub.opened(this);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        hub.closed(this);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        hub.closed(this);
    }

    void enqueue(String message) {
        pending.add(message);
    }

    void enqueueAll(Collection<String> messages) {
        pending.addAll(messages);
    }

    /** Sends what is pending as one JSON array; an empty array when nothing is (VCC's keep-alive). */
    void push() {
        Session current = session;
        if (current == null || !current.isOpen()) {
            return;
        }
        StringBuilder frame = new StringBuilder("[");
        for (String message = pending.poll(); message != null; message = pending.poll()) {
            if (frame.length() > 1) {
                frame.append(',');
            }
            frame.append(message);
        }
        current.sendText(frame.append(']').toString(), Callback.NOOP);
    }

    /** Cuts the connection without a close handshake, as a network failure would. */
    void drop() {
        Session current = session;
        if (current != null) {
            current.disconnect();
        }
    }
}
