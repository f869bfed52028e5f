package org.trafficsafety.source.vcc;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.trafficsafety.message.MessageType;

/** The live counters behind {@link VccStatus}; shared by the API client and the sources that use it. */
final class VccCounters {

    final AtomicLong requests = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong unauthorized = new AtomicLong();
    final AtomicLong tokenRenewals = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();
    final AtomicLong messages = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong repeatsDropped = new AtomicLong();
    final AtomicLong keepAlives = new AtomicLong();
    final AtomicLong silentSockets = new AtomicLong();
    private final AtomicLongArray lastMessageAtMs = new AtomicLongArray(MessageType.values().length);

    void messageAt(MessageType type, long atMs) {
        lastMessageAtMs.set(type.ordinal(), atMs);
    }

    long lastMessageAtMs(MessageType type) {
        return lastMessageAtMs.get(type.ordinal());
    }

    VccStatus.Counters snapshot() {
        return new VccStatus.Counters(requests.get(), retries.get(), unauthorized.get(), tokenRenewals.get(),
                reconnects.get(), messages.get(), rejected.get(), repeatsDropped.get(), keepAlives.get(),
                silentSockets.get());
    }
}
