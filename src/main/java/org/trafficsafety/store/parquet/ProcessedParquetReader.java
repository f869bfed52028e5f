package org.trafficsafety.store.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.SafetyIndexRow;

/**
 * Reads index rows and conflict events back from a Parquet tree laid out by {@link ParquetLayout}, opening only
 * the day folders of the range. Holds one in-memory DuckDB connection; thread-safe (calls are serialized).
 */
public final class ProcessedParquetReader implements AutoCloseable {

    private final Path root;
    private final DuckDbParquet duck = new DuckDbParquet();
    private final IndexTable indices = new IndexTable(Clock.systemUTC());
    private final ConflictTable conflicts = new ConflictTable(Clock.systemUTC());

    /** @param root the Parquet root, the directory that holds {@code processed/} */
    public ProcessedParquetReader(Path root) {
        this.root = root;
    }

    /**
     * Index rows whose minute starts in {@code [from, to)}, of one intersection or all, ordered by minute (then
     * by file and row).
     */
    public synchronized List<SafetyIndexRow> readIndices(Instant from, Instant to, OptionalInt intersectionId)
            throws IOException {
        List<SafetyIndexRow> out = new ArrayList<>();
        duck.read(indices, DayFiles.inRange(root, Dataset.INDICES, from, to), from.toEpochMilli(), to.toEpochMilli(),
                intersectionId, out::add);
        return out;
    }

    /** Conflict events that started in {@code [from, to)}, of one intersection or all, ordered by start time. */
    public synchronized List<ConflictEvent> readConflicts(Instant from, Instant to, OptionalInt intersectionId)
            throws IOException {
        List<ConflictEvent> out = new ArrayList<>();
        duck.read(conflicts, DayFiles.inRange(root, Dataset.CONFLICTS, from, to), from.toEpochMilli(),
                to.toEpochMilli(), intersectionId, out::add);
        return out;
    }

    @Override
    public synchronized void close() {
        duck.close();
    }
}
