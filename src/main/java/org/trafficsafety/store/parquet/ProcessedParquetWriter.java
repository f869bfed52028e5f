package org.trafficsafety.store.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.SafetyIndexRow;

/**
 * Writes safety-index rows and conflict events to snappy Parquet files (columns in docs/storage.md), atomically.
 * {@code ingested_at} is the writer clock's time. Holds one in-memory DuckDB connection; thread-safe.
 */
public final class ProcessedParquetWriter implements AutoCloseable {

    private final DuckDbParquet duck = new DuckDbParquet();
    private final IndexTable indices;
    private final ConflictTable conflicts;

    public ProcessedParquetWriter(Clock clock) {
        this.indices = new IndexTable(clock);
        this.conflicts = new ConflictTable(clock);
    }

    /** Writes {@code rows} to {@code file} (replacing it); returns the row count. */
    public synchronized long writeIndices(List<SafetyIndexRow> rows, Path file) throws IOException {
        return duck.write(indices, rows, file);
    }

    /** Writes {@code events} to {@code file} (replacing it); returns the row count. */
    public synchronized long writeConflicts(List<ConflictEvent> events, Path file) throws IOException {
        return duck.write(conflicts, events, file);
    }

    /** One flush of index rows: a file per UTC day of their minutes, at {@link ParquetLayout#key} under {@code root}. */
    public synchronized List<WrittenFile> writeIndicesFlush(List<SafetyIndexRow> rows, Path root, Instant flushedAt)
            throws IOException {
        return DayFiles.write(duck, indices, rows, root, flushedAt);
    }

    /** One flush of conflicts: a file per UTC day of their start times, under {@code root}. */
    public synchronized List<WrittenFile> writeConflictsFlush(List<ConflictEvent> events, Path root,
                                                              Instant flushedAt) throws IOException {
        return DayFiles.write(duck, conflicts, events, root, flushedAt);
    }

    @Override
    public synchronized void close() {
        duck.close();
    }
}
