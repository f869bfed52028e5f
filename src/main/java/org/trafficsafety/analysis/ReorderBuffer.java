package org.trafficsafety.analysis;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.trafficsafety.message.Message;

/**
 * Holds messages until they are released in event order. Most messages arrive in order: those go to the back of
 * a queue at O(1); only stragglers pay for a heap. Release merges the two heads. Not thread-safe.
 */
final class ReorderBuffer {

    private final Comparator<Message> order;
    private final ArrayDeque<Message> inOrder = new ArrayDeque<>(1_024);
    private final PriorityQueue<Message> stragglers;

    ReorderBuffer(Comparator<Message> order) {
        this.order = order;
        this.stragglers = new PriorityQueue<>(64, order);
    }

    void add(Message message) {
        Message last = inOrder.peekLast();
        if (last == null || order.compare(message, last) >= 0) {
            inOrder.addLast(message);
        } else {
            stragglers.add(message);
        }
    }

    boolean isEmpty() {
        return inOrder.isEmpty() && stragglers.isEmpty();
    }

    /** The earliest message, or null when empty. */
    Message peek() {
        Message a = inOrder.peekFirst();
        Message b = stragglers.peek();
        if (a == null) {
            return b;
        }
        return b == null || order.compare(a, b) <= 0 ? a : b;
    }

    /** Removes and returns the earliest message, or null when empty. */
    Message poll() {
        Message a = inOrder.peekFirst();
        Message b = stragglers.peek();
        if (a == null) {
            return stragglers.poll();
        }
        return b == null || order.compare(a, b) <= 0 ? inOrder.pollFirst() : stragglers.poll();
    }
}
