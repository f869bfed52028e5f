package org.trafficsafety.pipeline;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.trafficsafety.analysis.AnalysisEngine;
import org.trafficsafety.analysis.AnalysisListener;
import org.trafficsafety.analysis.AnalysisSettings;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.SafetyIndexRow;
import org.trafficsafety.analysis.index.NormalizationConstants;
import org.trafficsafety.analysis.index.TrailingHistoryPrior;
import org.trafficsafety.analysis.zone.NewIntersectionListener;
import org.trafficsafety.message.Message;
import org.trafficsafety.pipeline.spool.SpoolLimits;
import org.trafficsafety.store.archive.ArchiveStore;
import org.trafficsafety.tools.SyntheticTraffic;

/** A fixed simulated hour and the collector wiring the collector tests share. */
final class CollectorFixtures {

    /** Today 01:00 UTC: inside the partitions the test databases have. */
    static final long HOUR_START_MS = Instant.now().toEpochMilli() / 86_400_000L * 86_400_000L + 3_600_000L;

    private CollectorFixtures() {
    }

    /** One hour at the four seeded intersections: 6 vehicles and 2 VRUs present at each, 2 Hz, seeded. */
    static Message[] simulatedHour() {
        return new SyntheticTraffic(Intersection.seeded(), 6, 2, 2, 20261124L).generate(HOUR_START_MS, 3_600_000L);
    }

    static AnalysisEngine engine(AnalysisListener listener) {
        return engine(listener, (intersection, geometry) -> { });
    }

    static AnalysisEngine engine(AnalysisListener listener, NewIntersectionListener newIntersections) {
        return new AnalysisEngine(Intersection.seeded(), AnalysisSettings.defaults(), NormalizationConstants::defaults,
                new TrailingHistoryPrior(), listener, newIntersections);
    }

    /** What the analysis alone makes of the first {@code count} messages (all of its minutes when {@code endOfInput}). */
    record Expected(List<SafetyIndexRow> rows, List<ConflictEvent> events) {
    }

    static Expected expected(Message[] messages, int count, boolean endOfInput) {
        List<SafetyIndexRow> rows = new ArrayList<>();
        List<ConflictEvent> events = new ArrayList<>();
        AnalysisEngine engine = engine(new AnalysisListener() {
            @Override
            public void onConflict(ConflictEvent event) {
                events.add(event);
            }

            @Override
            public void onMinute(SafetyIndexRow row) {
                rows.add(row);
            }

            @Override
            public void onLate(Message message) {
            }
        });
        for (int i = 0; i < count; i++) {
            engine.onMessage(messages[i]);
        }
        if (endOfInput) {
            engine.flush();
        }
        return new Expected(rows, events);
    }

    /** Flushes only when the test says so (intervals of an hour), no heartbeat, fast retries. */
    static CollectorSettings settings(Path dir, boolean dualWrite, boolean upload) {
        return new CollectorSettings(Duration.ofHours(1), Duration.ofHours(1), false, dir.resolve("parquet"), dir.resolve("spool"),
                dualWrite, true, upload, new SinkSettings(16, Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(20)),
                SpoolLimits.DEFAULTS);
    }

    static Collector collector(ScriptedSource source, CollectorSettings settings, DataSource dataSource,
                               Optional<ArchiveStore> archive, PipelineMetrics metrics) throws java.io.IOException {
        CollectorSinks sinks = CollectorSinks.open(settings, dataSource, archive, metrics, Clock.systemUTC());
        return new Collector(source, CollectorFixtures::engine, sinks, settings, metrics, Clock.systemUTC());
    }
}
