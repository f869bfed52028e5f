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
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.store.archive.ArchiveObject;
import org.trafficsafety.store.archive.LocalArchiveStore;
import org.trafficsafety.store.archive.ObjectMetadata;
import org.trafficsafety.store.db.StoredRows;
import org.trafficsafety.store.db.TestPostgres;
import org.trafficsafety.store.parquet.ProcessedParquetReader;

class CollectorEndToEndTest {

    @TempDir
    Path dir;

    private static final Comparator<SafetyIndexRow> BY_MINUTE_THEN_ID =
            Comparator.comparingLong(SafetyIndexRow::minuteStartMs).thenComparingInt(SafetyIndexRow::intersectionId);

    @Test
    void shouldWriteEveryMinuteToPostgresParquetAndTheBucket() throws Exception {
        Message[] hour = CollectorFixtures.simulatedHour();
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

        CollectorStatus status = collector.status();
        assertThat(status.received()).isEqualTo(hour.length);
        assertThat(status.minutesClosed()).isEqualTo(expected.rows().size());
        assertThat(status.acceptedThroughMs()).isEqualTo(rows.getLast().minuteStartMs() + 60_000);
        assertThat(registry.get("db.write.success").tag("table", "safety_indices_realtime").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("tsi.messages.received").tag("type", "bsm").counter().count())
                .isEqualTo((double) Stream.of(hour).filter(m -> m.type() == MessageType.BSM).count());
        assertThat(registry.get("tsi.end.to.end.lag").timer().count()).isEqualTo(rows.size());
    }
}
