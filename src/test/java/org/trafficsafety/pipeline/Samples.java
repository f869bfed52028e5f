package org.trafficsafety.pipeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.ConflictType;
import org.trafficsafety.analysis.MinuteFeatures;
import org.trafficsafety.analysis.RoadUserKind;
import org.trafficsafety.analysis.SafetyIndexRow;

/** Deterministic index rows and conflict events for sink, spool and database tests. */
public final class Samples {

    private Samples() {
    }

    /** One row per intersection per minute from {@code fromMs} (a minute start), values drawn from {@code seed}. */
    public static List<SafetyIndexRow> rows(long seed, long fromMs, int minutes, int... intersectionIds) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SafetyIndexRow> rows = new ArrayList<>(minutes * intersectionIds.length);
        for (int m = 0; m < minutes; m++) {
            for (int id : intersectionIds) {
                rows.add(row(random, id, fromMs + m * 60_000L));
            }
        }
        return rows;
    }

    public static SafetyIndexRow row(SplittableRandom random, int intersectionId, long minuteStartMs) {
        ZonedDateTime t = Instant.ofEpochMilli(minuteStartMs).atZone(ZoneOffset.UTC);
        int volume = random.nextInt(0, 80);
        MinuteFeatures f = new MinuteFeatures(intersectionId, minuteStartMs, volume, random.nextInt(0, 12),
                random.nextDouble(0, 20), random.nextDouble(0, 6), random.nextInt(0, 4), random.nextInt(0, 3), random.nextInt(0, 2));
        double vru = random.nextDouble(0, 100);
        double vehicle = random.nextDouble(0, 100);
        double combined = 0.6 * vru + 0.4 * vehicle;
        return new SafetyIndexRow(f, vru, vehicle, combined, random.nextDouble(0, 100), random.nextDouble(0, 100),
                random.nextDouble(0, 100), t.getHour(), t.getDayOfWeek().getValue() - 1, 1, "tsi-1");
    }

    /** {@code count} conflicts at one intersection, starting a few seconds apart from {@code fromMs}. */
    public static List<ConflictEvent> conflicts(long seed, long fromMs, int count, int intersectionId) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ConflictEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long start = fromMs + i * 7_000L + random.nextInt(0, 1000);
            boolean vru = random.nextBoolean();
            long a = random.nextLong(0, 1L << 32);
            long b = random.nextLong(0, 1L << 32);
            long first = vru ? a : Math.min(a, b);
            long second = vru ? b : Math.max(a, b);
            boolean ttcOnly = random.nextInt(3) == 0;
            events.add(new ConflictEvent(intersectionId, start, start + random.nextInt(0, 4000),
                    ConflictType.values()[random.nextInt(4)], first, RoadUserKind.VEHICLE, second,
                    vru ? RoadUserKind.PEDESTRIAN : RoadUserKind.VEHICLE,
                    random.nextDouble(0.1, 3), start + 500, ttcOnly ? Double.NaN : random.nextDouble(0, 2), ttcOnly ? 0 : start + 900,
                    38.92 + random.nextDouble(-0.001, 0.001), -77.23 + random.nextDouble(-0.001, 0.001),
                    random.nextDouble(0, 20), random.nextDouble(0, 20)));
        }
        return events;
    }
}
