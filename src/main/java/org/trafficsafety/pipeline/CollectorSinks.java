package org.trafficsafety.pipeline;

import io.micrometer.core.instrument.Tags;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.SafetyIndexRow;
import org.trafficsafety.message.Message;
import org.trafficsafety.pipeline.spool.BatchCodec;
import org.trafficsafety.pipeline.spool.Spool;
import org.trafficsafety.store.archive.ArchiveStore;
import org.trafficsafety.store.db.ConflictEventWriter;
import org.trafficsafety.store.db.IndexRowWriter;
import org.trafficsafety.store.db.IntersectionWriter;
import org.trafficsafety.store.db.IntersectionWriter.RegisteredIntersection;
import org.trafficsafety.store.parquet.ProcessedParquetWriter;
import org.trafficsafety.store.parquet.RawParquetWriter;
import org.trafficsafety.store.parquet.WrittenFile;

/**
 * The collector's sinks, each isolated with its own thread, queue and spool ({@code <spoolRoot>/<sink name>}):
 * PostgreSQL index rows, conflicts and intersections first seen in MapData, processed Parquet (when dual write is on), the raw Parquet archive, and the
 * bucket upload of every finished Parquet file (when an archive store is given and uploads are on). Closing drains them in data-flow order,
 * so that files written during the drain are still handed to the uploader.
 */
public final class CollectorSinks implements AutoCloseable {

    private final List<Spool> spools = new ArrayList<>();
    private final List<IsolatedSink<?>> all = new ArrayList<>();
    private final ProcessedParquetWriter processedWriter;
    private final RawParquetWriter rawWriter;
    private final IsolatedSink<List<SafetyIndexRow>> indices;
    private final IsolatedSink<List<ConflictEvent>> conflicts;
    private final IsolatedSink<List<RegisteredIntersection>> intersections;
    private final Optional<IsolatedSink<FlushBatch<SafetyIndexRow>>> parquetIndices;
    private final Optional<IsolatedSink<FlushBatch<ConflictEvent>>> parquetConflicts;
    private final Optional<IsolatedSink<FlushBatch<Message>>> raw;
    private final Optional<IsolatedSink<WrittenFile>> upload;

    private CollectorSinks(CollectorSettings settings, DataSource dataSource, Optional<ArchiveStore> archive,
                           PipelineMetrics metrics, Clock clock) throws IOException {
        this.processedWriter = new ProcessedParquetWriter(clock);
        this.rawWriter = new RawParquetWriter();
        this.upload = settings.upload() && archive.isPresent()
                ? Optional.of(isolate(settings, new ArchiveUploadSink(archive.get()), new WrittenFileCodec(), metrics, "gcs.upload", Tags.empty(), clock))
                : Optional.empty();
        Consumer<WrittenFile> finished = file -> upload.ifPresent(u -> u.submit(file));
        this.indices = isolate(settings, new DatabaseSinks.IndexRows(new IndexRowWriter(dataSource), metrics, clock),
                new SafetyIndexRowsCodec(), metrics, "db.write", Tags.of("table", "safety_indices_realtime"), clock);
        this.conflicts = isolate(settings, new DatabaseSinks.ConflictEvents(new ConflictEventWriter(dataSource)),
                new ConflictEventsCodec(), metrics, "db.write", Tags.of("table", "conflict_events"), clock);
        this.intersections = isolate(settings, new DatabaseSinks.Intersections(new IntersectionWriter(dataSource)),
                new RegisteredIntersectionsCodec(), metrics, "db.write", Tags.of("table", "intersections"), clock);
        this.parquetIndices = settings.dualWrite()
                ? Optional.of(isolate(settings, ParquetSinks.indices(processedWriter, settings.parquetRoot(), finished),
                        new FlushBatchCodec<>(new SafetyIndexRowsCodec()), metrics, "parquet.write", Tags.of("dataset", "indices"), clock))
                : Optional.empty();
        this.parquetConflicts = settings.dualWrite()
                ? Optional.of(isolate(settings, ParquetSinks.conflicts(processedWriter, settings.parquetRoot(), finished),
                        new FlushBatchCodec<>(new ConflictEventsCodec()), metrics, "parquet.write", Tags.of("dataset", "conflicts"), clock))
                : Optional.empty();
        this.raw = settings.archiveRaw()
                ? Optional.of(isolate(settings, ParquetSinks.raw(rawWriter, settings.parquetRoot(), finished),
                        new FlushBatchCodec<>(new MessagesCodec()), metrics, "parquet.write", Tags.of("dataset", "raw"), clock))
                : Optional.empty();
    }

    /** Opens every sink's spool (replaying what a previous run left) and starts the sinks' threads. */
    public static CollectorSinks open(CollectorSettings settings, DataSource dataSource, Optional<ArchiveStore> archive,
                                      PipelineMetrics metrics, Clock clock) throws IOException {
        CollectorSinks sinks = new CollectorSinks(settings, dataSource, archive, metrics, clock);
        sinks.all.forEach(IsolatedSink::start);
        return sinks;
    }

    private <T> IsolatedSink<T> isolate(CollectorSettings settings, Sink<T> sink, BatchCodec<T> codec, PipelineMetrics metrics,
                                        String family, Tags tags, Clock clock) throws IOException {
        Spool spool = Spool.open(settings.spoolRoot().resolve(sink.name()), settings.spoolLimits(), clock);
        spools.add(spool);
        IsolatedSink<T> isolated = new IsolatedSink<>(sink, codec, spool, settings.sink(),
                metrics.sinkMeters(family, tags.and("sink", sink.name())));
        metrics.bind(isolated);
        all.add(isolated);
        return isolated;
    }

    IsolatedSink<List<SafetyIndexRow>> indices() {
        return indices;
    }

    IsolatedSink<List<ConflictEvent>> conflicts() {
        return conflicts;
    }

    IsolatedSink<List<RegisteredIntersection>> intersections() {
        return intersections;
    }

    Optional<IsolatedSink<FlushBatch<SafetyIndexRow>>> parquetIndices() {
        return parquetIndices;
    }

    Optional<IsolatedSink<FlushBatch<ConflictEvent>>> parquetConflicts() {
        return parquetConflicts;
    }

    Optional<IsolatedSink<FlushBatch<Message>>> raw() {
        return raw;
    }

    public List<SinkStatus> statuses() {
        return all.stream().map(IsolatedSink::status).toList();
    }

    @Override
    public void close() throws IOException {
        intersections.close();
        indices.close();
        conflicts.close();
        parquetIndices.ifPresent(IsolatedSink::close);
        parquetConflicts.ifPresent(IsolatedSink::close);
        raw.ifPresent(IsolatedSink::close);
        upload.ifPresent(IsolatedSink::close);
        for (Spool spool : spools) {
            spool.close();
        }
        processedWriter.close();
        rawWriter.close();
    }
}
