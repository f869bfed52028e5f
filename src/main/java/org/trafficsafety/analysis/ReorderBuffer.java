package org.trafficsafety.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.trafficsafety.message.Message;

/**
 * Holds messages until they are released in event order. Most messages arrive in time order: those go to the
 * back of a queue at O(1); only stragglers (older than the newest queued) pay for a heap. Messages of the same
 * instant are released together, sorted by the canonical order, so ties never follow arrival order (a simulator
 * emits a whole 100 ms step at one instant). Not thread-safe.
 */
final class ReorderBuffer {

    private final Comparator<Message> order;
    private final ArrayDeque<Message> inOrder = new ArrayDeque<>(1_024);
    private final PriorityQueue<Message> stragglers;
    /** The instant being released, sorted; {@code next} is the first not yet returned. */
    private final ArrayList<Message> instant = new ArrayList<>(128);
    private int next;

    ReorderBuffer(Comparator<Message> order) {
        this.order = order;
        this.stragglers = new PriorityQueue<>(64, order);
    }

    /** Adds a message no older than anything already released. */
    void add(Message message) {
        Message last = inOrder.peekLast();
        if (last == null || message.eventTimeMs() >= last.eventTimeMs()) {
            inOrder.addLast(message);
        } else {
            stragglers.add(message);
        }
    }

    boolean isEmpty() {
        return next == instant.size() && inOrder.isEmpty() && stragglers.isEmpty();
    }

    /** Event time of the earliest message, or {@link Long#MAX_VALUE} when empty. */
    long peekTimeMs() {
        if (next < instant.size()) {
            return instant.get(next).eventTimeMs();
        }
        Message a = inOrder.peekFirst();
        Message b = stragglers.peek();
        long ta = a == null ? Long.MAX_VALUE : a.eventTimeMs();
        long tb = b == null ? Long.MAX_VALUE : b.eventTimeMs();
        return Math.min(ta, tb);
    }

    /** Removes and returns the earliest message in canonical order; only when not {@link #isEmpty()}. */
    Message poll() {
        if (next == instant.size()) {
            gatherNextInstant();
        }
        return instant.get(next++);
    }

    private void gatherNextInstant() {
        instant.clear();
        next = 0;
        long t = peekTimeMs();
        while (!inOrder.isEmpty() && inOrder.peekFirst().eventTimeMs() == t) {
            instant.add(inOrder.pollFirst());
        }
        while (!stragglers.isEmpty() && stragglers.peek().eventTimeMs() == t) {
            instant.add(stragglers.poll());
        }
        if (instant.size() > 1) {
            instant.sort(order);
        }
    }
}
