package org.trafficsafety.simulation.vccserver;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.trafficsafety.message.MessageType;

/**
 * The connected sockets: queues each published message for every socket of its type and pushes the queues
 * every {@code pushInterval} (VCC pushes about twice a second). Faults: silence, drops, replays on connect.
 */
final class SocketHub implements AutoCloseable {

    private final FeedStore feed;
    private final Set<PushSocket> sockets = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService pusher;
    private volatile boolean silent;
    private volatile int replayOnConnect;

    SocketHub(FeedStore feed, Duration pushInterval) {
        this.feed = feed;
        this.pusher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("fake-vcc-push").daemon().factory());
        pusher.scheduleAtFixedRate(this::pushAll, pushInterval.toMillis(), pushInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Registers before replaying, so that a message published meanwhile is sent twice at worst, never lost. */
    void opened(PushSocket socket) {
        sockets.add(socket);
        int replay = replayOnConnect;
        if (replay > 0) {
            socket.enqueueAll(feed.lastMessages(socket.type(), replay));
        }
    }

    void closed(PushSocket socket) {
        sockets.remove(socket);
    }

    void publish(MessageType type, String message) {
        for (PushSocket socket : sockets) {
            if (socket.type() == type) {
                socket.enqueue(message);
            }
        }
    }

    int openSockets() {
        return sockets.size();
    }

    void silence(boolean on) {
        silent = on;
    }

    void replayOnConnect(int messages) {
        replayOnConnect = messages;
    }

    void dropAll() {
        for (PushSocket socket : sockets) {
            sockets.remove(socket);
            socket.drop();
        }
    }

    private void pushAll() {
        if (silent) {
            return;
        }
        for (PushSocket socket : sockets) {
            try {
                socket.push();
            } catch (RuntimeException e) {
                sockets.remove(socket);
            }
        }
    }

    @Override
    public void close() {
        pusher.shutdownNow();
    }
}
