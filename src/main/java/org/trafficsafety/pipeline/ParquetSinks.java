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

    static final class Indices implements Sink<FlushBatch<SafetyIndexRow>> {
        private final ProcessedParquetWriter writer;
        private final Path root;
        private final Consumer<WrittenFile> finished;

        Indices(ProcessedParquetWriter writer, Path root, Consumer<WrittenFile> finished) {
            this.writer = writer;
            this.root = root;
            this.finished = finished;
        }

        @Override
        public String name() {
            return "parquet-indices";
        }

        @Override
        public void write(FlushBatch<SafetyIndexRow> batch) throws IOException {
            writer.writeIndicesFlush(batch.items(), root, Instant.ofEpochMilli(batch.flushedAtMs())).forEach(finished);
        }
    }

    static final class Conflicts implements Sink<FlushBatch<ConflictEvent>> {
        private final ProcessedParquetWriter writer;
        private final Path root;
        private final Consumer<WrittenFile> finished;

        Conflicts(ProcessedParquetWriter writer, Path root, Consumer<WrittenFile> finished) {
            this.writer = writer;
            this.root = root;
            this.finished = finished;
        }

        @Override
        public String name() {
            return "parquet-conflicts";
        }

        @Override
        public void write(FlushBatch<ConflictEvent> batch) throws IOException {
            writer.writeConflictsFlush(batch.items(), root, Instant.ofEpochMilli(batch.flushedAtMs())).forEach(finished);
        }
    }

    /** Raw messages; a batch holds messages of one type. */
    static final class Raw implements Sink<FlushBatch<Message>> {
        private final RawParquetWriter writer;
        private final Path root;
        private final Consumer<WrittenFile> finished;

        Raw(RawParquetWriter writer, Path root, Consumer<WrittenFile> finished) {
            this.writer = writer;
            this.root = root;
            this.finished = finished;
        }

        @Override
        public String name() {
            return "parquet-raw";
        }

        @Override
        public void write(FlushBatch<Message> batch) throws IOException {
            List<Message> messages = batch.items();
            if (messages.isEmpty()) {
                return;
            }
            writer.writeFlush(messages.getFirst().type(), messages, root, Instant.ofEpochMilli(batch.flushedAtMs())).forEach(finished);
        }
    }
}
