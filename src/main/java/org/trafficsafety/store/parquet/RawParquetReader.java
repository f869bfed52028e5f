package org.trafficsafety.store.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageType;

/**
 * Reads raw messages back from a Parquet tree laid out by {@link ParquetLayout}, opening only the day folders of
 * the requested range. Holds one in-memory DuckDB connection; thread-safe (calls are serialized).
 */
public final class RawParquetReader implements AutoCloseable {

    private final Path root;
    private final DuckDbParquet duck = new DuckDbParquet();
    private final BsmTable bsm = new BsmTable();
    private final PsmTable psm = new PsmTable();
    private final MapDataTable mapData = new MapDataTable();
    private final SpatTable spat = new SpatTable();

    /** @param root the Parquet root, the directory that holds {@code raw/} */
    public RawParquetReader(Path root) {
        this.root = root;
    }

    /** The messages of {@code type} with event time in {@code [from, to)}, in event-time order. */
    public List<Message> read(MessageType type, Instant from, Instant to) throws IOException {
        List<Message> out = new ArrayList<>();
        forEach(type, from, to, out::add);
        return out;
    }

    /** Streams the messages of {@code type} with event time in {@code [from, to)} to {@code sink}, in order. */
    public synchronized void forEach(MessageType type, Instant from, Instant to, Consumer<? super Message> sink)
            throws IOException {
        ParquetTable<? extends Message> table = switch (type) {
            case BSM -> bsm;
            case PSM -> psm;
            case MAPDATA -> mapData;
            case SPAT -> spat;
        };
        List<Path> files = DayFiles.inRange(root, table.dataset(), from, to);
        duck.read(table, files, from.toEpochMilli(), to.toEpochMilli(), OptionalInt.empty(), sink);
    }

    @Override
    public synchronized void close() {
        duck.close();
    }
}
