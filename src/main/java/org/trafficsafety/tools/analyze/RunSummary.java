package org.trafficsafety.tools.analyze;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.ConflictType;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.RejectReason;

/**
 * What a run over recorded files read, rejected and found: printed on stdout and written as {@code summary.json}.
 * Holds no wall-clock values, so the same input gives the same summary.
 */
final class RunSummary {

    /** How many rejected lines are listed one by one; the rest are only counted. */
    static final int MAX_LISTED_REJECTIONS = 1000;

    /** One rejected document, where it was. */
    record Rejection(String file, long line, String type, String reason, String detail) {
    }

    private long read;
    private long accepted;
    private long late;
    private final Map<MessageType, Long> acceptedByType = new EnumMap<>(MessageType.class);
    private final Map<String, Long> rejectedByReason = new TreeMap<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final IdSet vehicles = new IdSet();
    private final IdSet vrus = new IdSet();
    private long minutes;
    private final Map<ConflictType, Long> conflictsByType = new EnumMap<>(ConflictType.class);

    void accepted(Message message) {
        read++;
        accepted++;
        acceptedByType.merge(message.type(), 1L, Long::sum);
        switch (message) {
            case org.trafficsafety.message.Bsm b -> vehicles.add(b.id());
            case org.trafficsafety.message.Psm p -> vrus.add(p.id());
            default -> { }
        }
    }

    void rejected(String file, long line, MessageType type, RejectReason reason, String detail) {
        read++;
        rejectedByReason.merge(reason.label(), 1L, Long::sum);
        if (rejections.size() < MAX_LISTED_REJECTIONS) {
            rejections.add(new Rejection(file, line, type == null ? "" : type.key(), reason.label(), detail == null ? "" : detail));
        }
    }

    /** A repeat of an accepted message: counted under "duplicate", not listed (it is no bad line). */
    void duplicate() {
        read++;
        rejectedByReason.merge(RejectReason.DUPLICATE.label(), 1L, Long::sum);
    }

    void late() {
        late++;
    }

    void minute() {
        minutes++;
    }

    void conflict(ConflictEvent event) {
        conflictsByType.merge(event.type(), 1L, Long::sum);
    }

    /** Counts what the analysis emits (conflicts by type, minutes, late messages) and passes it on. */
    org.trafficsafety.analysis.AnalysisListener counting(org.trafficsafety.analysis.AnalysisListener downstream) {
        return new org.trafficsafety.analysis.AnalysisListener() {
            @Override
            public void onConflict(ConflictEvent event) {
                conflict(event);
                downstream.onConflict(event);
            }

            @Override
            public void onMinute(org.trafficsafety.analysis.SafetyIndexRow row) {
                minute();
                downstream.onMinute(row);
            }

            @Override
            public void onLate(Message message) {
                late();
                downstream.onLate(message);
            }
        };
    }

    long read() {
        return read;
    }

    long accepted() {
        return accepted;
    }

    long rejected() {
        return read - accepted;
    }

    List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    /** The summary as an ordered tree for summary.json. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("messages_read", read);
        json.put("messages_accepted", accepted);
        Map<String, Long> byType = new LinkedHashMap<>();
        for (MessageType t : MessageType.values()) {
            byType.put(t.key(), acceptedByType.getOrDefault(t, 0L));
        }
        json.put("accepted_by_type", byType);
        json.put("messages_rejected", rejected());
        json.put("rejected_by_reason", new LinkedHashMap<>(rejectedByReason));
        json.put("messages_late", late);
        json.put("vehicles", (long) vehicles.size());
        json.put("vulnerable_road_users", (long) vrus.size());
        json.put("intersection_minutes", minutes);
        Map<String, Long> conflicts = new LinkedHashMap<>();
        long total = 0;
        for (ConflictType t : ConflictType.values()) {
            long n = conflictsByType.getOrDefault(t, 0L);
            conflicts.put(t.label(), n);
            total += n;
        }
        json.put("conflicts", total);
        json.put("conflicts_by_type", conflicts);
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Rejection r : rejections) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("file", r.file());
            row.put("line", r.line());
            row.put("type", r.type());
            row.put("reason", r.reason());
            row.put("detail", r.detail());
            listed.add(row);
        }
        json.put("rejections", listed);
        return json;
    }

    void print(PrintStream out) {
        out.printf("messages read      %,d%n", read);
        out.printf("  accepted         %,d  (bsm %,d, psm %,d, mapdata %,d, spat %,d)%n", accepted,
                acceptedByType.getOrDefault(MessageType.BSM, 0L), acceptedByType.getOrDefault(MessageType.PSM, 0L),
                acceptedByType.getOrDefault(MessageType.MAPDATA, 0L), acceptedByType.getOrDefault(MessageType.SPAT, 0L));
        out.printf("  rejected         %,d%n", rejected());
        rejectedByReason.forEach((reason, n) -> out.printf("    %-16s %,d%n", reason, n));
        out.printf("  late             %,d%n", late);
        out.printf("road users         %,d vehicles, %,d vulnerable road users%n", vehicles.size(), vrus.size());
        out.printf("intersection-minutes %,d%n", minutes);
        long total = conflictsByType.values().stream().mapToLong(Long::longValue).sum();
        out.printf("conflicts          %,d%n", total);
        for (ConflictType t : ConflictType.values()) {
            out.printf("    %-16s %,d%n", t.label(), conflictsByType.getOrDefault(t, 0L));
        }
        int shown = 0;
        for (Rejection r : rejections) {
            if (shown++ == 20) {
                out.printf("  ... %,d more rejections in summary.json%n", rejected() - 20);
                break;
            }
            out.printf("  rejected %s:%d %s %s%n", r.file(), r.line(), r.reason(), r.detail());
        }
    }

    /** Distinct TemporaryIDs, counted without boxing: an open-addressing set of unsigned 32-bit ids (+1, so 0 is free). */
    private static final class IdSet {
        private long[] slots = new long[1024];
        private int size;

        void add(long id) {
            long key = id + 1;
            int mask = slots.length - 1;
            int i = (int) (key * 0x9E3779B97F4A7C15L >>> 40) & mask;
            while (slots[i] != 0) {
                if (slots[i] == key) {
                    return;
                }
                i = (i + 1) & mask;
            }
            slots[i] = key;
            if (++size * 2 > slots.length) {
                grow();
            }
        }

        int size() {
            return size;
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            size = 0;
            for (long key : old) {
                if (key != 0) {
                    add(key - 1);
                }
            }
        }
    }
}
