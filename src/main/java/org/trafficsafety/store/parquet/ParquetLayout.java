package org.trafficsafety.store.parquet;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Names of Parquet files and archive objects, shared by the local Parquet tree and the bucket:
 * {@code raw/bsm/2026/11/24/bsm_20261124_103000.parquet}, {@code processed/indices/2026/11/24/indices_...}.
 * <p>
 * The day folder is the UTC day of the rows inside (event time, minute or conflict start), so a reader of a time
 * range opens only the folders of the days it covers. The file name carries the UTC flush time to the second: a
 * file flushed just after midnight with rows of the day before sits in that day's folder under a next-day name,
 * and two flushes never share a name. Keys always use '/', whatever the platform.
 */
public final class ParquetLayout {

    private ParquetLayout() {
    }

    /** The key of the file of {@code dataset} rows of UTC day {@code day} flushed at {@code flushedAt}. */
    public static String key(Dataset dataset, LocalDate day, Instant flushedAt) {
        LocalDateTime t = LocalDateTime.ofInstant(flushedAt, ZoneOffset.UTC);
        return dayPrefix(dataset, day) + dataset.key() + '_'
                + pad(t.getYear(), 4) + pad(t.getMonthValue(), 2) + pad(t.getDayOfMonth(), 2) + '_'
                + pad(t.getHour(), 2) + pad(t.getMinute(), 2) + pad(t.getSecond(), 2) + ".parquet";
    }

    /** {@code raw/bsm/2026/11/24/}: the prefix of every object of a dataset and day (with the trailing slash). */
    public static String dayPrefix(Dataset dataset, LocalDate day) {
        return dataset.prefix() + '/' + pad(day.getYear(), 4) + '/' + pad(day.getMonthValue(), 2) + '/'
                + pad(day.getDayOfMonth(), 2) + '/';
    }

    /** The UTC day of an epoch-millisecond instant, whatever the JVM's zone. */
    public static LocalDate dayOf(long epochMs) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochMs, 86_400_000L));
    }

    /** The UTC days that the half-open range {@code [from, to)} touches, in order; empty when {@code to <= from}. */
    public static List<LocalDate> days(Instant from, Instant to) {
        List<LocalDate> days = new ArrayList<>();
        if (!to.isAfter(from)) {
            return days;
        }
        LocalDate last = dayOf(to.toEpochMilli() - 1);
        for (LocalDate d = dayOf(from.toEpochMilli()); !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    /** The local file of a key under a root directory. */
    public static Path resolve(Path root, String key) {
        Path p = root;
        for (String part : key.split("/")) {
            p = p.resolve(part);
        }
        return p;
    }

    private static String pad(int value, int width) {
        String s = Integer.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
