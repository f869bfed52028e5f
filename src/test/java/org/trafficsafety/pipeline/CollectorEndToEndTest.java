package org.trafficsafety.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trafficsafety.analysis.SafetyIndexRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trafficsafety.message.MapData;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.store.archive.ArchiveObject;
import org.trafficsafety.store.archive.LocalArchiveStore;
import org.trafficsafety.store.archive.ObjectMetadata;
import org.trafficsafety.store.db.StoredRows;
import org.trafficsafety.store.db.TestPostgres;
import org.trafficsafety.store.parquet.ProcessedParquetReader;
import org.trafficsafety.source.replay.ReplayRange;
import org.trafficsafety.source.replay.ReplaySource;

class CollectorEndToEndTest {

    @TempDir
    Path dir;

    private static final Comparator<SafetyIndexRow> BY_MINUTE_THEN_ID =
            Comparator.comparingLong(SafetyIndexRow::minuteStartMs).thenComparingInt(SafetyIndexRow::intersectionId);

    /** The hour, with a MapData of an intersection nobody knew as its first message. */
    private static Message[] withNewIntersectionInMapData(Message[] hour) {
        long t = hour[0].receivedAtMs();
        MapData.Lane lane = new MapData.Lane(1, MapData.LaneType.VEHICLE, true, false, 1, 0,
                List.of(new MapData.GeoPoint(37.2301, -80.4141), new MapData.GeoPoint(37.2305, -80.4141)), List.of());
        MapData map = new MapData(t, t, 1, List.of(new MapData.IntersectionGeometry(4242, 0, 3, "Test MapData 4242",
                37.2300, -80.4140, 3.66, List.of(lane))));
        Message[] out = new Message[hour.length + 1];
        out[0] = map;
        System.arraycopy(hour, 0, out, 1, hour.length);
        return out;
    }

    @Test
    void shouldWriteEveryMinuteToPostgresParquetAndTheBucket() throws Exception {
        Message[] hour = withNewIntersectionInMapData(CollectorFixtures.simulatedHour());
        CollectorFixtures.Expected expected = CollectorFixtures.expected(hour, hour.length, true);
        TestPostgres.Database db = TestPostgres.freshDatabase();
        LocalArchiveStore bucket = new LocalArchiveStore(dir.resolve("bucket"));
        ScriptedSource source = new ScriptedSource(hour);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Collector collector = CollectorFixtures.collector(source, CollectorFixtures.settings(dir, true, true),
                db.dataSource(), Optional.of(bucket), new PipelineMetrics(registry)).start();

        source.emitUpTo(hour.length / 2);
        collector.flushDatabase();
        collector.flushFiles();
        source.emitAll();
        collector.close();

        List<SafetyIndexRow> rows = expected.rows().stream().sorted(BY_MINUTE_THEN_ID).toList();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(4 * 59);
        assertThat(StoredRows.indexRows(db.dataSource())).isEqualTo(rows);
        assertThat(StoredRows.count(db.dataSource(), "conflict_events")).isEqualTo(expected.events().size());

        Instant from = Instant.ofEpochMilli(CollectorFixtures.HOUR_START_MS - 60_000);
        Instant to = from.plusSeconds(7200);
        try (ProcessedParquetReader parquet = new ProcessedParquetReader(dir.resolve("parquet"))) {
            assertThat(parquet.readIndices(from, to, OptionalInt.empty()).stream().sorted(BY_MINUTE_THEN_ID).toList()).isEqualTo(rows);
            assertThat(parquet.readConflicts(from, to, OptionalInt.empty())).hasSameSizeAs(expected.events());
        }

        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir.resolve("parquet"))) {
            files = walk.filter(p -> p.toString().endsWith(".parquet")).toList();
        }
        // two flushes: raw bsm and psm, processed indices (and conflicts when there were any) each
        assertThat(files).hasSizeGreaterThanOrEqualTo(2 * 3);
        for (Path file : files) {
            String key = dir.resolve("parquet").relativize(file).toString().replace(java.io.File.separatorChar, '/');
            ObjectMetadata stored = bucket.metadata(key).orElseThrow(() -> new AssertionError("not in the bucket: " + key));
            assertThat(stored.checksum()).isEqualTo(ObjectMetadata.crc32c(file));
        }
        long bsmRows = 0;
        for (ArchiveObject object : bucket.list("raw/bsm/")) {
            bsmRows += object.metadata().orElseThrow().rowCount();
        }
        assertThat(bsmRows).isEqualTo(Stream.of(hour).filter(m -> m.type() == MessageType.BSM).count());

        assertThat(JdbcClient.create(db.dataSource()).sql("SELECT name, lane_count, revision FROM intersections WHERE id = 4242")
                .query().singleRow()).containsEntry("name", "Test MapData 4242").containsEntry("lane_count", 1).containsEntry("revision", 3);

        CollectorStatus status = collector.status();
        assertThat(status.received()).isEqualTo(hour.length);
        assertThat(status.minutesClosed()).isEqualTo(expected.rows().size());
        assertThat(status.acceptedThroughMs()).isEqualTo(rows.getLast().minuteStartMs() + 60_000);
        assertThat(registry.get("db.write.success").tag("table", "safety_indices_realtime").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("tsi.messages.received").tag("type", "bsm").counter().count())
                .isEqualTo((double) Stream.of(hour).filter(m -> m.type() == MessageType.BSM).count());
        assertThat(registry.get("tsi.end.to.end.lag").timer().count()).isEqualTo(rows.size());
    }

    @Test
    void shouldRebuildTheSameRowsByReplayingTheRawArchive() throws Exception {
        Message[] hour = CollectorFixtures.simulatedHour();
        List<SafetyIndexRow> rows = CollectorFixtures.expected(hour, hour.length, true).rows().stream().sorted(BY_MINUTE_THEN_ID).toList();
        TestPostgres.Database live = TestPostgres.freshDatabase();
        ScriptedSource source = new ScriptedSource(hour);
        Collector collector = CollectorFixtures.collector(source, CollectorFixtures.settings(dir, false, false),
                live.dataSource(), Optional.empty(), new PipelineMetrics(new SimpleMeterRegistry())).start();
        source.emitAll();
        collector.close();

        // reprocessing: the raw archive, replayed as fast as possible in event-time order, into another database
        TestPostgres.Database reprocessed = TestPostgres.freshDatabase();
        ReplaySource replay = ReplaySource.ofDirectory(dir.resolve("parquet"), new ReplayRange(
                Instant.ofEpochMilli(CollectorFixtures.HOUR_START_MS - 60_000), Instant.ofEpochMilli(CollectorFixtures.HOUR_START_MS + 3_660_000), 0));
        CollectorSettings settings = CollectorFixtures.settings(dir.resolve("replay"), false, false).forReplay();
        Collector replaying = new Collector(replay, CollectorFixtures::engine,
                CollectorSinks.open(settings, reprocessed.dataSource(), Optional.empty(), new PipelineMetrics(new SimpleMeterRegistry()),
                        java.time.Clock.systemUTC()), settings, new PipelineMetrics(new SimpleMeterRegistry()), java.time.Clock.systemUTC()).start();
        assertThat(replay.awaitCompletion(java.time.Duration.ofSeconds(120))).isTrue();
        replaying.close();

        assertThat(replaying.status().received()).isEqualTo(hour.length);
        assertThat(StoredRows.indexRows(live.dataSource())).isEqualTo(rows);
        assertThat(StoredRows.indexRows(reprocessed.dataSource())).isEqualTo(rows);
        assertThat(StoredRows.count(reprocessed.dataSource(), "conflict_events")).isEqualTo(StoredRows.count(live.dataSource(), "conflict_events"));
        try (Stream<Path> walk = Files.walk(dir.resolve("replay"))) {
            assertThat(walk.filter(p -> p.toString().contains("raw") && p.toString().endsWith(".parquet"))).isEmpty();
        }
    }
}
