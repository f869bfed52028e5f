package org.trafficsafety.analysis.index;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.trafficsafety.analysis.SafetyIndexRow;

/**
 * An {@link EbPriorProvider} that learns from the rows it is shown, keeping hourly means in memory the way the
 * hourly rollups would: the prior for a minute is the mean of the hourly mean raw indices of the same hour of day on
 * each of the previous 28 days (completed hours only, never the minute's own hour). Fallbacks: fewer than 3 such
 * hours for the intersection → the same mean over every intersection's hours (network-wide) → none.
 * Memory: one small bucket per intersection and hour, 29 days kept. Not thread-safe.
 */
public final class TrailingHistoryPrior implements EbPriorProvider {

    public static final int DEFAULT_DAYS = 28;
    public static final int MIN_OWN_HOURS = 3;

    private static final long MS_PER_HOUR = 3_600_000L;
    private static final long MS_PER_DAY = 86_400_000L;

    private final int days;
    /** hour start → intersection id → that hour's sums; sorted so that means sum in a fixed order. */
    private final TreeMap<Long, TreeMap<Integer, HourSums>> hours = new TreeMap<>();

    public TrailingHistoryPrior(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("history must span >= 1 day, was " + days);
        }
        this.days = days;
    }

    public TrailingHistoryPrior() {
        this(DEFAULT_DAYS);
    }

    @Override
    public void onRow(SafetyIndexRow row) {
        long hourStart = Math.floorDiv(row.minuteStartMs(), MS_PER_HOUR) * MS_PER_HOUR;
        hours.computeIfAbsent(hourStart, h -> new TreeMap<>())
                .computeIfAbsent(row.intersectionId(), id -> new HourSums())
                .add(row);
        hours.headMap(hours.lastKey() - (days + 1) * MS_PER_DAY).clear();
    }

    @Override
    public Optional<EbPrior> findPrior(int intersectionId, long minuteStartMs) {
        long hourStart = Math.floorDiv(minuteStartMs, MS_PER_HOUR) * MS_PER_HOUR;
        Means own = new Means();
        Means network = new Means();
        for (int day = 1; day <= days; day++) {
            Map<Integer, HourSums> byIntersection = hours.get(hourStart - day * MS_PER_DAY);
            if (byIntersection == null) {
                continue;
            }
            for (Map.Entry<Integer, HourSums> e : byIntersection.entrySet()) {
                network.add(e.getValue());
                if (e.getKey() == intersectionId) {
                    own.add(e.getValue());
                }
            }
        }
        if (own.hours >= MIN_OWN_HOURS) {
            return Optional.of(own.prior());
        }
        return network.hours > 0 ? Optional.of(network.prior()) : Optional.empty();
    }

    /** Sums of one intersection-hour's raw indices. */
    private static final class HourSums {
        private double vru;
        private double vehicle;
        private double combined;
        private int minutes;

        void add(SafetyIndexRow row) {
            vru += row.vruIndex();
            vehicle += row.vehicleIndex();
            combined += row.combinedIndex();
            minutes++;
        }
    }

    /** Mean over hours of each hour's mean, as averaging the hourly rollups' averages gives. */
    private static final class Means {
        private double vru;
        private double vehicle;
        private double combined;
        private int hours;

        void add(HourSums h) {
            vru += h.vru / h.minutes;
            vehicle += h.vehicle / h.minutes;
            combined += h.combined / h.minutes;
            hours++;
        }

        EbPrior prior() {
            return new EbPrior(clamp(vru / hours), clamp(vehicle / hours), clamp(combined / hours), hours);
        }

        /** A mean of values within 0..100 can leave the range by an ulp. */
        private static double clamp(double v) {
            return Math.max(0.0, Math.min(100.0, v));
        }
    }
}
