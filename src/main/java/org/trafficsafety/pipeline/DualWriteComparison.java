package org.trafficsafety.pipeline;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.trafficsafety.analysis.SafetyIndexRow;

/**
 * Compares the index rows of a window as PostgreSQL and the processed Parquet files hold them (the dual write):
 * per intersection, minutes present in each and missing from either, repeated minutes, exact equality of every
 * value on a seeded random sample of the minutes both have, and that each sampled row's hour of day and day of
 * week are those of its minute in UTC (a time-zone slip shows there).
 */
public final class DualWriteComparison {

    /** One intersection's line of the report. */
    public record IntersectionLine(int intersectionId, int postgresMinutes, int parquetMinutes, int missingInPostgres,
                                   int missingInParquet, int repeatedInParquet, int sampled, int valueMismatches) {
        public boolean matches() {
            return missingInPostgres == 0 && missingInParquet == 0 && repeatedInParquet == 0 && valueMismatches == 0;
        }
    }

    /** The whole report; {@code examples} names a few mismatching minutes, for a human to look at. */
    public record Report(Instant from, Instant to, List<IntersectionLine> lines, List<String> examples) {
        public boolean matches() {
            return lines.stream().allMatch(IntersectionLine::matches);
        }
    }

    private DualWriteComparison() {
    }

    /**
     * @param sample how many minutes present in both to compare value by value (all of them when fewer)
     * @param seed   seed of the sample, so that a run can be repeated
     */
    public static Report compare(Instant from, Instant to, List<SafetyIndexRow> postgres, List<SafetyIndexRow> parquet,
                                 int sample, long seed) {
        Map<Integer, Map<Long, SafetyIndexRow>> pg = byIntersection(postgres, null);
        Map<Integer, Integer> repeated = new HashMap<>();
        Map<Integer, Map<Long, SafetyIndexRow>> pq = byIntersection(parquet, repeated);
        TreeMap<Integer, int[]> counts = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        List<long[]> common = new ArrayList<>();
        for (Integer id : union(pg.keySet(), pq.keySet())) {
            Map<Long, SafetyIndexRow> a = pg.getOrDefault(id, Map.of());
            Map<Long, SafetyIndexRow> b = pq.getOrDefault(id, Map.of());
            int[] c = counts.computeIfAbsent(id, k -> new int[5]);
            c[0] = a.size();
            c[1] = b.size();
            for (Long minute : a.keySet()) {
                if (b.containsKey(minute)) {
                    common.add(new long[] {id, minute});
                } else {
                    c[3]++;
                    example(examples, "intersection " + id + " " + Instant.ofEpochMilli(minute) + ": in PostgreSQL, not in Parquet");
                }
            }
            for (Long minute : b.keySet()) {
                if (!a.containsKey(minute)) {
                    c[2]++;
                    example(examples, "intersection " + id + " " + Instant.ofEpochMilli(minute) + ": in Parquet, not in PostgreSQL");
                }
            }
        }
        common.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        Collections.shuffle(common, new Random(seed));
        Map<Integer, int[]> sampled = new HashMap<>();
        for (long[] key : common.subList(0, Math.min(sample, common.size()))) {
            int id = (int) key[0];
            SafetyIndexRow a = pg.get(id).get(key[1]);
            SafetyIndexRow b = pq.get(id).get(key[1]);
            int[] s = sampled.computeIfAbsent(id, k -> new int[2]);
            s[0]++;
            String problem = !a.equals(b) ? "values differ: " + differences(a, b)
                    : !utcCalendarMatches(a) ? "hour_of_day/day_of_week " + a.hourOfDay() + "/" + a.dayOfWeek() + " are not the UTC ones"
                    : "";
            if (!problem.isEmpty()) {
                s[1]++;
                example(examples, "intersection " + id + " " + Instant.ofEpochMilli(key[1]) + ": " + problem);
            }
        }
        List<IntersectionLine> lines = new ArrayList<>();
        counts.forEach((id, c) -> {
            int[] s = sampled.getOrDefault(id, new int[2]);
            lines.add(new IntersectionLine(id, c[0], c[1], c[2], c[3], repeated.getOrDefault(id, 0), s[0], s[1]));
        });
        return new Report(from, to, lines, examples);
    }

    /** "avgSpeedMps 8.1 (PostgreSQL) vs 8.2 (Parquet), ...": the components that differ, exactly. */
    private static String differences(Record a, Record b) {
        List<String> out = new ArrayList<>();
        for (RecordComponent component : a.getClass().getRecordComponents()) {
            try {
                Object x = component.getAccessor().invoke(a);
                Object y = component.getAccessor().invoke(b);
                if (x instanceof Record rx && y instanceof Record ry) {
                    if (!rx.equals(ry)) {
                        out.add(differences(rx, ry));
                    }
                } else if (!Objects.equals(x, y)) {
                    out.add(component.getName() + " " + x + " (PostgreSQL) vs " + y + " (Parquet)");
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(", ", out);
    }

    private static boolean utcCalendarMatches(SafetyIndexRow row) {
        ZonedDateTime t = Instant.ofEpochMilli(row.minuteStartMs()).atZone(ZoneOffset.UTC);
        return t.getHour() == row.hourOfDay() && t.getDayOfWeek().getValue() - 1 == row.dayOfWeek();
    }

    private static Map<Integer, Map<Long, SafetyIndexRow>> byIntersection(List<SafetyIndexRow> rows, Map<Integer, Integer> repeated) {
        Map<Integer, Map<Long, SafetyIndexRow>> out = new HashMap<>();
        for (SafetyIndexRow row : rows) {
            SafetyIndexRow previous = out.computeIfAbsent(row.intersectionId(), k -> new HashMap<>()).put(row.minuteStartMs(), row);
            if (previous != null && repeated != null) {
                repeated.merge(row.intersectionId(), 1, Integer::sum);
            }
        }
        return out;
    }

    private static List<Integer> union(Set<Integer> a, Set<Integer> b) {
        TreeSet<Integer> all = new TreeSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < 10) {
            examples.add(text);
        }
    }
}
