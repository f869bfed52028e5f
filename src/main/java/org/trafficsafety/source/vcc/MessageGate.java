package org.trafficsafety.source.vcc;

import java.time.Duration;
import java.time.InstantSource;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageDecoder;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.RejectReason;

/**
 * The one door from a VCC source to its listener: decodes a response body or a socket frame, drops exact repeats,
 * counts, and forwards. Serialised, because the poller and the two socket channels deliver from different threads
 * and a decoder may keep reusable buffers.
 */
final class MessageGate implements MessageListener {

    private final MessageDecoder decoder;
    private final MessageListener downstream;
    private final VccCounters counters;
    private final InstantSource clock;
    private final RepeatFilter repeats;
    private boolean closed;

    MessageGate(MessageDecoder decoder, MessageListener downstream, VccCounters counters, InstantSource clock,
            Duration repeatWindow) {
        this.decoder = decoder;
        this.downstream = downstream;
        this.counters = counters;
        this.clock = clock;
        this.repeats = new RepeatFilter(repeatWindow);
    }

    /** Decodes one document received now and delivers what it holds; returns how many messages were delivered. */
    synchronized long deliver(String document) {
        if (closed) {
            return 0;
        }
        long before = counters.messages.get();
        decoder.decode(document, clock.millis(), this);
        return counters.messages.get() - before;
    }

    /** After this returns, the downstream listener gets no more calls, even from a frame still being read. */
    synchronized void close() {
        closed = true;
    }

    @Override
    public void onMessage(Message message) {
        long now = clock.millis();
        if (repeats.isRepeat(message, now)) {
            counters.repeatsDropped.incrementAndGet();
            return;
        }
        counters.messages.incrementAndGet();
        counters.messageAt(message.type(), now);
        downstream.onMessage(message);
    }

    @Override
    public void onRejected(MessageType type, RejectReason reason, String detail) {
        counters.rejected.incrementAndGet();
        downstream.onRejected(type, reason, detail);
    }
}
