package org.trafficsafety.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.SafetyIndexRow;
import org.trafficsafety.message.Message;
import org.trafficsafety.store.parquet.ProcessedParquetWriter;
import org.trafficsafety.store.parquet.RawParquetWriter;
import org.trafficsafety.store.parquet.WrittenFile;

/**
 * The local Parquet sinks (design section 7): processed index rows and conflicts, and the raw message archive. Each
 * flush becomes one file per UTC day named by the flush time, so a retried flush rewrites the same files; every
 * finished file is handed on for upload to the archive bucket.
 */
final class ParquetSinks {

    private ParquetSinks() {
    }

    static Sink<FlushBatch<SafetyIndexRow>> indices(ProcessedParquetWriter writer, Path root,
                                                    Consumer<WrittenFile> finished) {
        return new Dataset<>("parquet-indices", writer::writeIndicesFlush, root, finished);
    }

    static Sink<FlushBatch<ConflictEvent>> conflicts(ProcessedParquetWriter writer, Path root,
                                                     Consumer<WrittenFile> finished) {
        return new Dataset<>("parquet-conflicts", writer::writeConflictsFlush, root, finished);
    }

    /** Raw messages; a batch holds messages of one type. */
    static Sink<FlushBatch<Message>> raw(RawParquetWriter writer, Path root, Consumer<WrittenFile> finished) {
        return new Dataset<Message>("parquet-raw", (messages, dir, flushedAt) -> messages.isEmpty()
                ? List.of()
                : writer.writeFlush(messages.getFirst().type(), messages, dir, flushedAt), root, finished);
    }

    /** Writes one flush of a dataset under the root, returning the files it finished. */
    @FunctionalInterface
    interface FlushWriter<T> {
        List<WrittenFile> write(List<T> items, Path root, Instant flushedAt) throws IOException;
    }

    private record Dataset<T>(String name, FlushWriter<T> writer, Path root, Consumer<WrittenFile> finished)
            implements Sink<FlushBatch<T>> {

        @Override
        public void write(FlushBatch<T> batch) throws IOException {
            writer.write(batch.items(), root, Instant.ofEpochMilli(batch.flushedAtMs())).forEach(finished);
        }
    }
}
