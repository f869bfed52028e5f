package org.trafficsafety.store.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.MapData;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.Psm;
import org.trafficsafety.message.Spat;

/**
 * Writes raw messages of one type to snappy Parquet files (columns in docs/storage.md), atomically: a file appears
 * complete under its name or not at all. Holds one in-memory DuckDB connection; thread-safe (calls are serialized).
 */
public final class RawParquetWriter implements AutoCloseable {

    private final DuckDbParquet duck = new DuckDbParquet();
    private final BsmTable bsm = new BsmTable();
    private final PsmTable psm = new PsmTable();
    private final MapDataTable mapData = new MapDataTable();
    private final SpatTable spat = new SpatTable();

    /**
     * Writes {@code messages}, all of {@code type}, to {@code file} (replacing it); returns the row count.
     *
     * @throws IllegalArgumentException if a message is of another type
     * @throws IOException              if the file cannot be written; no partial file is left behind
     */
    public synchronized long write(MessageType type, List<? extends Message> messages, Path file) throws IOException {
        return switch (type) {
            case BSM -> duck.write(bsm, cast(messages, Bsm.class), file);
            case PSM -> duck.write(psm, cast(messages, Psm.class), file);
            case MAPDATA -> duck.write(mapData, cast(messages, MapData.class), file);
            case SPAT -> duck.write(spat, cast(messages, Spat.class), file);
        };
    }

    /**
     * Writes one flush of {@code type}: one file per UTC day of the messages' event times, at
     * {@link ParquetLayout#key} under {@code root}. A retried flush with the same {@code flushedAt} rewrites the
     * same files.
     */
    public synchronized List<WrittenFile> writeFlush(MessageType type, List<? extends Message> messages, Path root,
                                                     Instant flushedAt) throws IOException {
        return switch (type) {
            case BSM -> DayFiles.write(duck, bsm, cast(messages, Bsm.class), root, flushedAt);
            case PSM -> DayFiles.write(duck, psm, cast(messages, Psm.class), root, flushedAt);
            case MAPDATA -> DayFiles.write(duck, mapData, cast(messages, MapData.class), root, flushedAt);
            case SPAT -> DayFiles.write(duck, spat, cast(messages, Spat.class), root, flushedAt);
        };
    }

    @SuppressWarnings("unchecked")
    private static <M extends Message> List<M> cast(List<? extends Message> messages, Class<M> type) {
        for (Message m : messages) {
            if (!type.isInstance(m)) {
                throw new IllegalArgumentException("expected only " + type.getSimpleName() + " messages, got a "
                        + m.getClass().getSimpleName());
            }
        }
        return (List<M>) messages;
    }

    @Override
    public synchronized void close() {
        duck.close();
    }
}
