package org.trafficsafety.pipeline;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trafficsafety.analysis.AnalysisEngine;
import org.trafficsafety.analysis.AnalysisListener;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.SafetyIndexRow;
import org.trafficsafety.analysis.zone.NewIntersectionListener;
import org.trafficsafety.message.MapData;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.RejectReason;
import org.trafficsafety.source.MessageSource;
import org.trafficsafety.store.db.IntersectionWriter.RegisteredIntersection;

/**
 * The collector (design section 1): source → raw archive, and source → analysis → index rows and conflict events
 * → sinks (PostgreSQL, processed Parquet, archive bucket), each sink isolated behind its own queue and spool.
 *
 * <p>Messages arrive on the source's threads; analysis and buffering happen under one lock (the analysis is not
 * thread-safe, and per-message work there is a few microseconds). A scheduler thread hands closed minutes and
 * conflicts to PostgreSQL every {@link CollectorSettings#dbFlushInterval()} and cuts Parquet files every
 * {@link CollectorSettings#fileFlushInterval()}; it never waits on a sink. {@link #close} stops the source, ends the
 * analysis (closing open minutes), flushes everything and drains the sinks.
 */
public final class Collector implements AutoCloseable {

    /** Builds the analysis engine around the collector's outputs (the engine takes its listeners at construction). */
    @FunctionalInterface
    public interface AnalysisFactory {
        AnalysisEngine create(AnalysisListener output, NewIntersectionListener newIntersections);
    }

    private static final Logger log = LoggerFactory.getLogger(Collector.class);

    private final MessageSource source;
    private final AnalysisEngine analysis;
    private final CollectorSinks sinks;
    private final CollectorSettings settings;
    private final PipelineMetrics metrics;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final ScheduledExecutorService scheduler;

    // guarded by lock
    private List<SafetyIndexRow> dbRows = new ArrayList<>();
    private List<ConflictEvent> dbEvents = new ArrayList<>();
    private List<RegisteredIntersection> newIntersections = new ArrayList<>();
    private List<SafetyIndexRow> fileRows = new ArrayList<>();
    private List<ConflictEvent> fileEvents = new ArrayList<>();
    private final Map<MessageType, List<Message>> raw = new EnumMap<>(MessageType.class);

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong minutes = new AtomicLong();
    private final AtomicLong conflicts = new AtomicLong();
    private final AtomicLong acceptedThroughMs = new AtomicLong();
    private long lastFileFlushMs;
    private volatile boolean running;

    public Collector(MessageSource source, AnalysisFactory analysis, CollectorSinks sinks,
                     CollectorSettings settings, PipelineMetrics metrics, Clock clock) {
        this.source = source;
        Output output = new Output();
        this.analysis = analysis.create(output, output);
        this.sinks = sinks;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        for (MessageType type : MessageType.values()) {
            raw.put(type, new ArrayList<>());
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("collector-flush").daemon().factory());
        metrics.bind(source);
    }

    /** Starts the source and the flush schedule. */
    public Collector start() {
        running = true;
        long dbMs = settings.dbFlushInterval().toMillis();
        long fileMs = settings.fileFlushInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::quietlyFlushDatabase, dbMs, dbMs, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::quietlyFlushFiles, fileMs, fileMs, TimeUnit.MILLISECONDS);
        source.start(new Input());
        log.info("collector started: source {}, database every {}, files every {} under {}", source.name(),
                settings.dbFlushInterval(), settings.fileFlushInterval(), settings.parquetRoot());
        return this;
    }

    public CollectorStatus status() {
        List<SinkStatus> sinkStatuses = sinks.statuses();
        boolean healthy = running && sinkStatuses.stream().allMatch(SinkStatus::healthy);
        return new CollectorStatus(running, healthy, source.status(), received.get(), rejected.get(), late.get(),
                minutes.get(), conflicts.get(), acceptedThroughMs.get(), sinkStatuses);
    }

    /** Hands the minutes and conflicts closed so far to PostgreSQL now (also runs on the schedule). */
    public void flushDatabase() {
        List<SafetyIndexRow> rows;
        List<ConflictEvent> events;
        List<RegisteredIntersection> registered;
        lock.lock();
        try {
            if (settings.heartbeat() && running) {
                analysis.advanceTo(clock.millis());
            }
            rows = dbRows;
            events = dbEvents;
            registered = newIntersections;
            dbRows = new ArrayList<>();
            dbEvents = new ArrayList<>();
            newIntersections = new ArrayList<>();
        } finally {
            lock.unlock();
        }
        if (!registered.isEmpty()) {
            sinks.intersections().submit(registered);
        }
        List<CompletableFuture<IsolatedSink.Acceptance>> accepted = new ArrayList<>(2);
        if (!events.isEmpty()) {
            accepted.add(sinks.conflicts().submit(events));
        }
        if (!rows.isEmpty()) {
            accepted.add(sinks.indices().submit(rows));
            long through = rows.stream().mapToLong(SafetyIndexRow::minuteStartMs).max().orElseThrow() + 60_000L;
            CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new))
                    .thenRun(() -> acceptedThroughMs.accumulateAndGet(through, Math::max));
        }
    }

    /** Cuts the raw and processed Parquet files now (also runs on the schedule). */
    public void flushFiles() {
        List<SafetyIndexRow> rows;
        List<ConflictEvent> events;
        Map<MessageType, List<Message>> messages = new EnumMap<>(MessageType.class);
        long flushedAtMs;
        lock.lock();
        try {
            rows = fileRows;
            events = fileEvents;
            fileRows = new ArrayList<>();
            fileEvents = new ArrayList<>();
            for (Map.Entry<MessageType, List<Message>> e : raw.entrySet()) {
                messages.put(e.getKey(), e.getValue());
                e.setValue(new ArrayList<>());
            }
            // file names carry the flush second: two flushes must never share one
            flushedAtMs = Math.max(clock.millis(), lastFileFlushMs + 1000) / 1000 * 1000;
            lastFileFlushMs = flushedAtMs;
        } finally {
            lock.unlock();
        }
        if (!rows.isEmpty()) {
            sinks.parquetIndices().ifPresent(s -> s.submit(new FlushBatch<>(flushedAtMs, rows)));
        }
        if (!events.isEmpty()) {
            sinks.parquetConflicts().ifPresent(s -> s.submit(new FlushBatch<>(flushedAtMs, events)));
        }
        for (List<Message> batch : messages.values()) {
            if (!batch.isEmpty()) {
                sinks.raw().ifPresent(s -> s.submit(new FlushBatch<>(flushedAtMs, batch)));
            }
        }
    }

    private void quietlyFlushDatabase() {
        try {
            flushDatabase();
        } catch (RuntimeException e) {
            log.error("collector: database flush failed; its rows stay buffered until the next one", e);
        }
    }

    private void quietlyFlushFiles() {
        try {
            flushFiles();
        } catch (RuntimeException e) {
            log.error("collector: file flush failed", e);
        }
    }

    /** Stops the source, closes the analysis's open minutes, flushes every buffer and drains the sinks. */
    @Override
    public void close() throws IOException {
        if (!running) {
            return;
        }
        source.close();
        running = false;
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            analysis.flush();
        } finally {
            lock.unlock();
        }
        flushDatabase();
        flushFiles();
        sinks.close();
        CollectorStatus status = status();
        log.info("collector stopped: {} messages, {} rejected, {} late, {} minutes, {} conflicts", status.received(),
                status.rejected(), status.late(), status.minutesClosed(), status.conflicts());
    }

    /** What the source pushes in. */
    private final class Input implements MessageListener {
        @Override
        public void onMessage(Message message) {
            received.incrementAndGet();
            metrics.received(message.type());
            lock.lock();
            try {
                if (settings.archiveRaw()) {
                    raw.get(message.type()).add(message);
                }
                analysis.onMessage(message);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void onRejected(MessageType type, RejectReason reason, String detail) {
            rejected.incrementAndGet();
            metrics.rejected(type, reason);
            lock.lock();
            try {
                analysis.onRejected(type, reason, detail);
            } finally {
                lock.unlock();
            }
        }
    }

    /** What the analysis emits; called under the lock. */
    private final class Output implements AnalysisListener, NewIntersectionListener {
        @Override
        public void onNewIntersection(Intersection intersection, MapData.IntersectionGeometry geometry) {
            log.info("collector: new intersection {} ({}) from MapData, {} lanes", intersection.id(), intersection.name(),
                    geometry.lanes().size());
            newIntersections.add(new RegisteredIntersection(intersection, geometry.lanes().size(), geometry.revision()));
        }

        @Override
        public void onConflict(ConflictEvent event) {
            conflicts.incrementAndGet();
            metrics.conflict();
            dbEvents.add(event);
            fileEvents.add(event);
        }

        @Override
        public void onMinute(SafetyIndexRow row) {
            minutes.incrementAndGet();
            metrics.minuteClosed();
            dbRows.add(row);
            fileRows.add(row);
        }

        @Override
        public void onLate(Message message) {
            late.incrementAndGet();
            metrics.late();
        }
    }
}
