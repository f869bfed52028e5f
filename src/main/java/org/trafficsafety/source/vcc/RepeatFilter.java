package org.trafficsafety.source.vcc;

import java.time.Duration;
import java.util.Arrays;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.Psm;

/**
 * Recognises exact repeats of a BSM or PSM, (type, id, msgCnt, secMark, VCC timestamp), seen within the last
 * {@code window} to twice {@code window}: what a server resends after a reconnect, or a REST "current" snapshot
 * that still holds a message already delivered. Two generations of a primitive hash set, swapped every window,
 * so memory stays bounded and the hit path allocates nothing. Not thread-safe.
 */
final class RepeatFilter {

    private final long windowMs;
    private PairSet current = new PairSet();
    private PairSet previous = new PairSet();
    private long generationStartMs = Long.MIN_VALUE;

    RepeatFilter(Duration window) {
        this.windowMs = window.toMillis();
    }

    /** True when {@code message} repeats one seen before; records it otherwise. Other types never repeat. */
    boolean isRepeat(Message message, long nowMs) {
        long identity;
        if (message instanceof Bsm bsm) {
            identity = pack(0, bsm.id(), bsm.msgCnt(), bsm.secMark());
        } else if (message instanceof Psm psm) {
            identity = pack(1, psm.id(), psm.msgCnt(), psm.secMark());
        } else {
            return false;
        }
        rotate(nowMs);
        long timestamp = message.receivedAtMs();
        if (current.contains(identity, timestamp) || previous.contains(identity, timestamp)) {
            return true;
        }
        current.add(identity, timestamp);
        return false;
    }

    private void rotate(long nowMs) {
        if (generationStartMs == Long.MIN_VALUE) {
            generationStartMs = nowMs;
        } else if (nowMs - generationStartMs >= windowMs) {
            PairSet recycled = previous;
            previous = current;
            current = recycled;
            current.clear();
            generationStartMs = nowMs;
        }
    }

    /** Type in bit 62, the 32-bit id in bits 23..54, msgCnt (7 bits) in 16..22, secMark (16 bits) in 0..15. */
    private static long pack(int type, long id, int msgCnt, int secMark) {
        return ((long) type << 62) | ((id & 0xFFFF_FFFFL) << 23) | ((long) (msgCnt & 0x7F) << 16) | (secMark & 0xFFFF);
    }

    /** Open-addressing set of (long, long) pairs with linear probing; grows at half load, never shrinks. */
    private static final class PairSet {
        private long[] first = new long[1024];
        private long[] second = new long[1024];
        private boolean[] used = new boolean[1024];
        private int size;

        boolean contains(long a, long b) {
            int mask = used.length - 1;
            for (int i = slot(a, b, mask); used[i]; i = (i + 1) & mask) {
                if (first[i] == a && second[i] == b) {
                    return true;
                }
            }
            return false;
        }

        void add(long a, long b) {
            if (2 * (size + 1) > used.length) {
                grow();
            }
            int mask = used.length - 1;
            int i = slot(a, b, mask);
            while (used[i]) {
                i = (i + 1) & mask;
            }
            used[i] = true;
            first[i] = a;
            second[i] = b;
            size++;
        }

        void clear() {
            Arrays.fill(used, false);
            size = 0;
        }

        private void grow() {
            long[] oldFirst = first;
            long[] oldSecond = second;
            boolean[] oldUsed = used;
            first = new long[oldUsed.length * 2];
            second = new long[oldUsed.length * 2];
            used = new boolean[oldUsed.length * 2];
            size = 0;
            for (int i = 0; i < oldUsed.length; i++) {
                if (oldUsed[i]) {
                    add(oldFirst[i], oldSecond[i]);
                }
            }
        }

        private static int slot(long a, long b, int mask) {
            long h = a * 0x9E37_79B9_7F4A_7C15L + b;
            h ^= h >>> 29;
            h *= 0xBF58_476D_1CE4_E5B9L;
            return (int) (h ^ (h >>> 32)) & mask;
        }
    }
}
