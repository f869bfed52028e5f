package org.trafficsafety.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trafficsafety.analysis.SafetyIndexRow;
import org.trafficsafety.message.Message;
import org.trafficsafety.store.archive.GcsArchiveStore;
import org.trafficsafety.store.archive.ObjectMetadata;
import org.trafficsafety.store.db.StoredRows;
import org.trafficsafety.store.db.TestPostgres;

/** Design section 10: "nothing lost" when the database or the bucket goes away in the middle of ingest. */
class CollectorOutageTest {

    @TempDir
    Path dir;

    private static SinkStatus sink(Collector collector, String name) {
        return collector.status().sinks().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void shouldHaveEveryRowExactlyOnceAfterPostgresStopsAndStartsMidHour() throws Exception {
        Message[] hour = CollectorFixtures.simulatedHour();
        CollectorFixtures.Expected expected = CollectorFixtures.expected(hour, hour.length, true);
        TestPostgres.Database db = TestPostgres.freshDatabase();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ScriptedSource source = new ScriptedSource(hour);
        Collector collector = CollectorFixtures.collector(source, CollectorFixtures.settings(dir, false, false),
                db.dataSource(), Optional.empty(), new PipelineMetrics(registry)).start();
        try {
            source.emitUpTo(hour.length / 3);
            collector.flushDatabase();
            await().atMost(Duration.ofSeconds(20)).until(() -> sink(collector, "postgres-indices").written() == 1);
            long acceptedBeforeOutage = collector.status().acceptedThroughMs();

            TestPostgres.stopServer();
            try {
                source.emitUpTo(2 * hour.length / 3);
                collector.flushDatabase();
                await().atMost(Duration.ofSeconds(30)).until(() -> sink(collector, "postgres-indices").spooled() >= 1);
                // spooled counts as accepted: the input up to here never needs to be read again
                await().atMost(Duration.ofSeconds(5)).until(() -> collector.status().acceptedThroughMs() > acceptedBeforeOutage);
                assertThat(collector.status().healthy()).isFalse();
            } finally {
                TestPostgres.startServer();
            }

            source.emitAll();
            collector.flushDatabase();
            await().atMost(Duration.ofSeconds(60)).until(() -> sink(collector, "postgres-indices").spooled() == 0
                    && sink(collector, "postgres-conflicts").spooled() == 0);
        } finally {
            collector.close();
        }

        List<SafetyIndexRow> rows = expected.rows().stream()
                .sorted(Comparator.comparingLong(SafetyIndexRow::minuteStartMs).thenComparingInt(SafetyIndexRow::intersectionId))
                .toList();
        assertThat(StoredRows.indexRows(db.dataSource())).isEqualTo(rows);
        assertThat(StoredRows.count(db.dataSource(), "conflict_events")).isEqualTo(expected.events().size());
        assertThat(sink(collector, "postgres-indices").replayed()).isGreaterThanOrEqualTo(1);
        assertThat(registry.get("db.write.failure").tag("table", "safety_indices_realtime").counter().count()).isGreaterThanOrEqualTo(1.0);
    }

    /** A GCS client over the in-memory fake whose first {@code failures} uploads fail like a 503 from GCS. */
    private static Storage failingUploads(Storage fake, int failures, AtomicInteger failed) {
        return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class}, (proxy, method, args) -> {
            if (method.getName().equals("createFrom") && failed.get() < failures) {
                failed.incrementAndGet();
                throw new StorageException(503, "backend unavailable (injected)");
            }
            try {
                return method.invoke(fake, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    @Test
    void shouldDeliverEveryObjectWithMatchingChecksumsWhenTheBucketFailsUploads() throws Exception {
        Message[] hour = CollectorFixtures.simulatedHour();
        TestPostgres.Database db = TestPostgres.freshDatabase();
        Storage fake = LocalStorageHelper.customOptions(false).getService();
        AtomicInteger failed = new AtomicInteger();
        GcsArchiveStore bucket = new GcsArchiveStore(failingUploads(fake, 5, failed), "tsi-archive");
        ScriptedSource source = new ScriptedSource(hour);
        Collector collector = CollectorFixtures.collector(source, CollectorFixtures.settings(dir, true, true),
                db.dataSource(), Optional.of(bucket), new PipelineMetrics(new SimpleMeterRegistry())).start();
        try {
            for (int part = 1; part <= 4; part++) {
                source.emitUpTo(part * hour.length / 4);
                collector.flushDatabase();
                collector.flushFiles();
                Thread.sleep(1000); // file names carry the flush second
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                SinkStatus upload = sink(collector, "archive-upload");
                return failed.get() == 5 && upload.spooled() == 0 && upload.queued() == 0;
            });
        } finally {
            collector.close();
        }

        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir.resolve("parquet"))) {
            files = walk.filter(p -> p.toString().endsWith(".parquet")).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4 * 3);
        for (Path file : files) {
            String key = dir.resolve("parquet").relativize(file).toString().replace(java.io.File.separatorChar, '/');
            ObjectMetadata stored = bucket.metadata(key).orElseThrow(() -> new AssertionError("not in the bucket: " + key));
            assertThat(stored.checksum()).as(key).isEqualTo(ObjectMetadata.crc32c(file));
        }
        assertThat(bucket.list("raw/").size() + bucket.list("processed/").size()).isEqualTo(files.size());
        assertThat(sink(collector, "archive-upload").replayed()).isGreaterThanOrEqualTo(1);
        // the failing bucket slowed nobody else: every database batch went straight in
        assertThat(sink(collector, "postgres-indices").written()).isGreaterThanOrEqualTo(4);
        assertThat(sink(collector, "postgres-indices").replayed()).isZero();
        assertThat(sink(collector, "parquet-raw").replayed()).isZero();
    }
}
