package org.trafficsafety.simulation.vccserver;

import java.util.concurrent.atomic.AtomicLong;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.RejectReason;
import org.trafficsafety.source.MessageSource;

/**
 * Feeds a fake VCC server from any message source (the simulator in {@code ./tsi demo}), so that the real VCC
 * client can collect what the simulator produces: simulator → fake VCC server → VCC client → collector.
 * The server must have been built with a {@code MessageEncoder}.
 */
public final class SimulatorVccBridge implements AutoCloseable {

    private final MessageSource source;
    private final FakeVccServer server;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    public SimulatorVccBridge(MessageSource source, FakeVccServer server) {
        this.source = source;
        this.server = server;
    }

    /** Starts the source; from now on every message it produces is published to the server. */
    public void start() {
        source.start(new MessageListener() {
            @Override
            public void onMessage(Message message) {
                server.publish(message);
                published.incrementAndGet();
            }

            @Override
            public void onRejected(MessageType type, RejectReason reason, String detail) {
                rejected.incrementAndGet();
            }
        });
    }

    /** Messages handed to the server so far. */
    public long published() {
        return published.get();
    }

    /** Rejections the source reported (not published). */
    public long rejected() {
        return rejected.get();
    }

    /** Stops the source; the server is left running (its owner closes it). */
    @Override
    public void close() {
        source.close();
    }
}
