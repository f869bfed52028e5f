package org.trafficsafety.tools.analyze;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.trafficsafety.analysis.AnalysisEngine;
import org.trafficsafety.analysis.AnalysisSettings;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.index.NormalizationConstants;
import org.trafficsafety.analysis.index.TrailingHistoryPrior;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageDecoder;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.pipeline.Collector;
import org.trafficsafety.pipeline.CollectorSettings;
import org.trafficsafety.pipeline.CollectorSinks;
import org.trafficsafety.pipeline.CollectorStatus;
import org.trafficsafety.pipeline.PipelineMetrics;
import org.trafficsafety.source.MessageSource;
import org.trafficsafety.source.SourceStatus;
import org.trafficsafety.store.archive.ArchiveStore;
import org.trafficsafety.store.db.PartitionManager;

/**
 * Recorded files through the collector — the live pipeline's analysis and sinks — with event time taken from the
 * messages: a clock that shows the event time reached names the files, Parquet files are cut at each minute of event
 * time, and partitions are made for the data's days. Every sink is idempotent per key, so a second ingest of the
 * same files leaves the same rows and rewrites the same files.
 */
public final class RecordedIngest {

    /** What an ingest read and stored. */
    public record Result(RunSummary summary, CollectorStatus status) {
    }

    private final List<Intersection> intersections;
    private final CollectorSettings settings;

    public RecordedIngest(List<Intersection> intersections, CollectorSettings settings) {
        this.intersections = List.copyOf(intersections);
        this.settings = settings;
    }

    /** The collector settings of an ingest: no wall-clock heartbeat, no scheduled file cuts (the ingest cuts per minute). */
    public static CollectorSettings settings(Path parquetRoot, Path spoolRoot) {
        CollectorSettings d = CollectorSettings.defaults(Path.of("var"));
        return new CollectorSettings(Duration.ofDays(1), d.dbFlushInterval(), false, parquetRoot, spoolRoot, d.dualWrite(),
                true, true, d.sink(), d.spoolLimits());
    }

    public Result ingest(List<Path> files, MessageDecoder decoder, DataSource dataSource, ArchiveStore archive,
                         LongConsumer progress) throws IOException {
        RunSummary summary = new RunSummary();
        EventTimeClock clock = new EventTimeClock();
        PushSource source = new PushSource();
        PartitionManager.Retention retention = PartitionManager.Retention.defaults();
        CollectorSinks sinks = CollectorSinks.open(settings, dataSource, Optional.of(archive),
                new PipelineMetrics(new SimpleMeterRegistry()), clock);
        Collector collector = new Collector(source,
                (output, newIntersections) -> new AnalysisEngine(intersections, AnalysisSettings.defaults(),
                        NormalizationConstants::defaults, new TrailingHistoryPrior(), summary.counting(output), newIntersections),
                sinks, settings, new PipelineMetrics(new SimpleMeterRegistry()), clock).start();
        long[] last = {Long.MIN_VALUE, Long.MIN_VALUE}; // minute and day of event time reached
        RecordedAnalysis.read(files, decoder, summary, m -> {
            long minute = Math.floorDiv(m.eventTimeMs(), 60_000L) * 60_000L;
            if (minute > last[0]) {
                clock.set(minute);
                long day = Math.floorDiv(minute, 86_400_000L);
                if (day != last[1]) {
                    last[1] = day;
                    ensurePartitions(dataSource, minute, retention);
                }
                if (last[0] != Long.MIN_VALUE) {
                    collector.flushFiles();
                }
                last[0] = minute;
            }
            source.push(m);
        }, progress);
        clock.set(last[0] == Long.MIN_VALUE ? 0 : last[0] + 60_000L);
        collector.close();
        CollectorStatus status = collector.status();
        return new Result(summary, status);
    }

    /** Partitions around the data's day, so recorded data of another day lands in its own partition. */
    private static void ensurePartitions(DataSource dataSource, long dayMs, PartitionManager.Retention retention) {
        try {
            new PartitionManager(dataSource, Clock.fixed(Instant.ofEpochMilli(dayMs), ZoneOffset.UTC), retention).ensurePartitions();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create partitions for " + Instant.ofEpochMilli(dayMs) + ": " + e.getMessage(), e);
        }
    }

    /** A clock that shows the event time the ingest has reached, so files are named after the data's minutes. */
    private static final class EventTimeClock extends Clock {
        private volatile long nowMs;

        void set(long ms) {
            nowMs = ms;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the event-time clock is UTC only");
        }

        @Override
        public long millis() {
            return nowMs;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(nowMs);
        }
    }

    /** The collector's source: the ingest pushes the merged messages into it on its own thread. */
    private static final class PushSource implements MessageSource {
        private volatile MessageListener listener;
        private volatile long lastMessageAtMs;
        private long messages;

        void push(Message m) {
            messages++;
            lastMessageAtMs = m.receivedAtMs();
            listener.onMessage(m);
        }

        @Override
        public String name() {
            return "files";
        }

        @Override
        public void start(MessageListener l) {
            this.listener = l;
        }

        @Override
        public SourceStatus status() {
            return new SourceStatus("files", listener != null, lastMessageAtMs, "", Map.of("messages", messages));
        }

        @Override
        public void close() {
        }
    }
}
