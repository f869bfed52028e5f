package org.trafficsafety.source.file;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

import org.trafficsafety.message.Message;

/**
 * Merges several message streams into one in event-time order. Each input may be out of order by up to
 * {@code disorderBoundMs}; within that bound the output is the same as for sorted input, because each input is
 * re-sorted through a buffer that only releases a message once the input has moved {@code disorderBoundMs} past it.
 * Ties are broken by content (type, id, msgCnt, receipt time), never by input position, so shuffling the input
 * within the bound cannot change the output. Memory: the messages of one bound-wide window per input.
 */
public final class EventTimeMerger implements Iterator<Message> {

    /** Content order for messages of the same event time; stable across renderings and input order. */
    public static final Comparator<Message> ORDER = Comparator.comparingLong(Message::eventTimeMs)
            .thenComparingInt(m -> m.type().ordinal())
            .thenComparingLong(EventTimeMerger::idOf)
            .thenComparingInt(EventTimeMerger::msgCntOf)
            .thenComparingLong(Message::receivedAtMs);

    private final List<SortedInput> inputs = new ArrayList<>();
    private final PriorityQueue<SortedInput> heads = new PriorityQueue<>((a, b) -> ORDER.compare(a.peek(), b.peek()));

    public EventTimeMerger(List<? extends Iterator<Message>> sources, long disorderBoundMs) {
        if (disorderBoundMs < 0) {
            throw new IllegalArgumentException("disorder bound must be >= 0 ms, was " + disorderBoundMs);
        }
        for (Iterator<Message> source : sources) {
            SortedInput input = new SortedInput(source, disorderBoundMs);
            inputs.add(input);
            if (input.hasNext()) {
                heads.add(input);
            }
        }
    }

    @Override
    public boolean hasNext() {
        return !heads.isEmpty();
    }

    @Override
    public Message next() {
        SortedInput input = heads.poll();
        if (input == null) {
            throw new NoSuchElementException();
        }
        Message message = input.next();
        if (input.hasNext()) {
            heads.add(input);
        }
        return message;
    }

    private static long idOf(Message m) {
        return switch (m) {
            case org.trafficsafety.message.Bsm b -> b.id();
            case org.trafficsafety.message.Psm p -> p.id();
            default -> 0L;
        };
    }

    private static int msgCntOf(Message m) {
        return switch (m) {
            case org.trafficsafety.message.Bsm b -> b.msgCnt();
            case org.trafficsafety.message.Psm p -> p.msgCnt();
            default -> 0;
        };
    }

    /** One input re-sorted through a bound-wide buffer. */
    private static final class SortedInput {
        private final Iterator<Message> source;
        private final long boundMs;
        private final PriorityQueue<Message> buffer = new PriorityQueue<>(ORDER);
        private long maxSeenMs = Long.MIN_VALUE;

        SortedInput(Iterator<Message> source, long boundMs) {
            this.source = source;
            this.boundMs = boundMs;
            fill();
        }

        boolean hasNext() {
            return !buffer.isEmpty();
        }

        Message peek() {
            return buffer.peek();
        }

        Message next() {
            Message m = buffer.poll();
            fill();
            return m;
        }

        /** Reads until the earliest buffered message can no longer be preceded by one still unread. */
        private void fill() {
            while (source.hasNext() && (buffer.isEmpty() || buffer.peek().eventTimeMs() >= maxSeenMs - boundMs)) {
                Message m = source.next();
                buffer.add(m);
                if (m.eventTimeMs() > maxSeenMs) {
                    maxSeenMs = m.eventTimeMs();
                }
            }
        }
    }
}
