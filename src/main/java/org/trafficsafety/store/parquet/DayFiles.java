package org.trafficsafety.store.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Splitting rows into day files on write, and finding the files of a range of days on read. */
final class DayFiles {

    private DayFiles() {
    }

    static <T> SortedMap<LocalDate, List<T>> byDay(ParquetTable<T> table, List<? extends T> rows) {
        SortedMap<LocalDate, List<T>> days = new TreeMap<>();
        for (T row : rows) {
            days.computeIfAbsent(ParquetLayout.dayOf(table.timeMs(row)), d -> new ArrayList<>()).add(row);
        }
        return days;
    }

    /** Writes one file per UTC day of the rows, named by {@code flushedAt}; returns them in day order. */
    static <T> List<WrittenFile> write(DuckDbParquet duck, ParquetTable<T> table, List<? extends T> rows, Path root,
                                       Instant flushedAt) throws IOException {
        List<WrittenFile> written = new ArrayList<>();
        for (var day : byDay(table, rows).entrySet()) {
            String key = ParquetLayout.key(table.dataset(), day.getKey(), flushedAt);
            Path file = ParquetLayout.resolve(root, key);
            long count = duck.write(table, day.getValue(), file);
            written.add(new WrittenFile(table.dataset(), day.getKey(), key, file, count));
        }
        return written;
    }

    /** The Parquet files of the day folders that {@code [from, to)} touches; folders of other days are not opened. */
    static List<Path> inRange(Path root, Dataset dataset, Instant from, Instant to) throws IOException {
        List<Path> files = new ArrayList<>();
        for (LocalDate day : ParquetLayout.days(from, to)) {
            Path dir = ParquetLayout.resolve(root, ParquetLayout.dayPrefix(dataset, day));
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(dir)) {
                entries.filter(DayFiles::isParquet).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static boolean isParquet(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".parquet") && !name.startsWith(".");
    }
}
