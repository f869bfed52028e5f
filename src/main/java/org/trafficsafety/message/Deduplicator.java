package org.trafficsafety.message;

/**
 * Drops repeated BSMs and PSMs (the same message relayed by two RSUs, or replayed by a reconnecting stream):
 * same type, id, msgCnt and secMark as a message accepted less than {@link #WINDOW_MS} earlier (by receipt
 * time) becomes a {@link RejectReason#DUPLICATE} rejection; everything else, and all MapData and SPaT, goes
 * on to the downstream listener.
 *
 * <p>Memory is bounded: a fixed open-addressing table of {@code capacity} slots (a power of two) holding the
 * packed key and receipt time, probed over {@link #PROBES} slots. When all of them hold fresh entries the
 * oldest is overwritten, so under extreme load a duplicate can slip through, never a distinct message be
 * dropped. No allocation per message. Synchronized, so several sources may share one instance.
 */
public final class Deduplicator implements MessageListener {

    public static final long WINDOW_MS = 2_000;
    static final int PROBES = 8;
    private static final int DEFAULT_CAPACITY = 1 << 16;
    private static final long EMPTY = -1L;

    private final MessageListener downstream;
    private final long[] keys;
    private final long[] times;
    private final int mask;

    public Deduplicator(MessageListener downstream) {
        this(downstream, DEFAULT_CAPACITY);
    }

    /** @param capacity slots, rounded up to a power of two; about 4x the messages expected in 2 s is plenty */
    public Deduplicator(MessageListener downstream, int capacity) {
        int size = Integer.highestOneBit(Math.max(PROBES, capacity - 1)) << 1;
        this.downstream = downstream;
        this.keys = new long[size];
        this.times = new long[size];
        this.mask = size - 1;
        java.util.Arrays.fill(keys, EMPTY);
    }

    @Override
    public void onMessage(Message message) {
        long key;
        long receivedAtMs;
        switch (message) {
            case Bsm b -> {
                key = pack(0, b.id(), b.msgCnt(), b.secMark());
                receivedAtMs = b.receivedAtMs();
            }
            case Psm p -> {
                key = pack(1, p.id(), p.msgCnt(), p.secMark());
                receivedAtMs = p.receivedAtMs();
            }
            default -> {
                downstream.onMessage(message);
                return;
            }
        }
        if (isDuplicate(key, receivedAtMs)) {
            downstream.onRejected(message.type(), RejectReason.DUPLICATE, "same id, msgCnt and secMark within 2 s");
        } else {
            downstream.onMessage(message);
        }
    }

    @Override
    public void onRejected(MessageType type, RejectReason reason, String detail) {
        downstream.onRejected(type, reason, detail);
    }

    /** Looks the key up and records it when it is new (or its previous sighting has expired). */
    private synchronized boolean isDuplicate(long key, long receivedAtMs) {
        int start = (int) mix(key) & mask;
        int victim = start;
        long oldest = Long.MAX_VALUE;
        for (int i = 0; i < PROBES; i++) {
            int slot = (start + i) & mask;
            if (keys[slot] == key) {
                if (Math.abs(receivedAtMs - times[slot]) < WINDOW_MS) {
                    return true;
                }
                victim = slot;
                break;
            }
            long age = keys[slot] == EMPTY ? Long.MIN_VALUE : times[slot];
            if (age < oldest) {
                oldest = age;
                victim = slot;
            }
        }
        keys[victim] = key;
        times[victim] = receivedAtMs;
        return false;
    }

    /** type (1 bit) | id (32) | msgCnt (7) | secMark (16): exact, so no false duplicates. */
    static long pack(int type, long id, int msgCnt, int secMark) {
        return ((long) type << 55) | (id & 0xFFFF_FFFFL) << 23 | (long) (msgCnt & 0x7F) << 16 | (secMark & 0xFFFF);
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return k;
    }
}
