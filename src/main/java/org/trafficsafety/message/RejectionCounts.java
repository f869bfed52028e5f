package org.trafficsafety.message;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Rejected messages counted by type and reason, the numbers behind
 * {@code tsi_messages_rejected_total{type,reason}}. One {@link LongAdder} per pair, so concurrent producers do
 * not contend; {@link #record} allocates nothing. A rejection of unknown type counts under type "unknown".
 */
public final class RejectionCounts {

    /** The type label for rejections whose message type could not be told. */
    public static final String UNKNOWN_TYPE_LABEL = "unknown";

    /** A counter's labels: {@link MessageType#key()} (or "unknown") and {@link RejectReason#label()}. */
    public record Key(String type, String reason) {
    }

    private static final MessageType[] TYPES = MessageType.values();
    private static final RejectReason[] REASONS = RejectReason.values();

    private final LongAdder[] counters = new LongAdder[(TYPES.length + 1) * REASONS.length];

    public RejectionCounts() {
        for (int i = 0; i < counters.length; i++) {
            counters[i] = new LongAdder();
        }
    }

    public void record(MessageType type, RejectReason reason) {
        counters[index(type, reason)].increment();
    }

    public long count(MessageType type, RejectReason reason) {
        return counters[index(type, reason)].sum();
    }

    public long total() {
        long sum = 0;
        for (LongAdder c : counters) {
            sum += c.sum();
        }
        return sum;
    }

    /** The non-zero counters, in type then reason order. */
    public Map<Key, Long> snapshot() {
        Map<Key, Long> out = new LinkedHashMap<>();
        for (int t = 0; t <= TYPES.length; t++) {
            String typeLabel = t < TYPES.length ? TYPES[t].key() : UNKNOWN_TYPE_LABEL;
            for (RejectReason reason : REASONS) {
                long n = counters[t * REASONS.length + reason.ordinal()].sum();
                if (n > 0) {
                    out.put(new Key(typeLabel, reason.label()), n);
                }
            }
        }
        return out;
    }

    /** A listener that counts rejections here and forwards everything to {@code downstream}. */
    public MessageListener counting(MessageListener downstream) {
        return new MessageListener() {
            @Override
            public void onMessage(Message message) {
                downstream.onMessage(message);
            }

            @Override
            public void onRejected(MessageType type, RejectReason reason, String detail) {
                record(type, reason);
                downstream.onRejected(type, reason, detail);
            }
        };
    }

    private static int index(MessageType type, RejectReason reason) {
        int t = type == null ? TYPES.length : type.ordinal();
        return t * REASONS.length + reason.ordinal();
    }
}
