package org.trafficsafety.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.trafficsafety.TrafficSafetyApplication;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.VccEncoder;
import org.trafficsafety.simulation.vccserver.FakeVccServer;
import org.trafficsafety.store.db.StoredRows;
import org.trafficsafety.store.db.TestPostgres;
import org.trafficsafety.tools.SyntheticTraffic;

/** Stopping the service flushes the collector completely, while the database pool still works. */
class CollectorShutdownTest {

    @TempDir
    Path var;

    @Test
    void shouldWriteEveryOpenMinuteToEveryStoreWhenTheServiceStops() throws Exception {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        URI pg = URI.create(db.jdbcUrl().substring("jdbc:".length()));
        try (FakeVccServer vcc = new FakeVccServer(FakeVccServer.Config.defaults("tsi-test", "s3cret"), 0,
                Optional.of(new VccEncoder()), InstantSource.system())) {
            // flush intervals of an hour: nothing is written before the shutdown
            ConfigurableApplicationContext context = new SpringApplication(TrafficSafetyApplication.class).run(
                    "--server.port=0", "--DB_HOST=" + pg.getHost(), "--DB_PORT=" + pg.getPort(),
                    "--DB_NAME=" + pg.getPath().substring(1), "--DB_USER=" + db.user(), "--DB_PASSWORD=" + db.password(),
                    "--DB_SSLMODE=disable", "--DB_POOL_SIZE=2", "--DB_MAX_OVERFLOW=2",
                    "--COLLECTOR_ENABLED=true", "--DATA_SOURCE=vcc", "--VCC_MODE=stream", "--VCC_BASE_URL=" + vcc.baseUrl(),
                    "--VCC_CLIENT_ID=tsi-test", "--VCC_CLIENT_SECRET=s3cret",
                    "--COLLECTOR_DB_FLUSH_SECONDS=3600", "--COLLECTOR_FILE_FLUSH_SECONDS=3600",
                    "--PARQUET_STORAGE_PATH=" + var.resolve("parquet"), "--ARCHIVE_DIR=" + var.resolve("bucket"),
                    "--SPOOL_DIR=" + var.resolve("spool"));
            Collector collector = context.getBean(Collector.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> collector.status().source().connected());
            long now = System.currentTimeMillis();
            Message[] messages = new SyntheticTraffic(Intersection.seeded().subList(0, 2), 4, 1, 2, 3).generate(now - 30_000, 30_000);
            for (Message m : messages) {
                vcc.publish(m);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> collector.status().received() >= messages.length);
            assertThat(StoredRows.count(db.dataSource(), "safety_indices_realtime")).isZero();

            context.close();

            CollectorStatus status = collector.status();
            assertThat(status.minutesClosed()).isPositive();
            assertThat(StoredRows.count(db.dataSource(), "safety_indices_realtime")).isEqualTo(status.minutesClosed());
            assertThat(status.sinks()).allSatisfy(sink -> {
                assertThat(sink.spooled()).as(sink.name()).isZero();
                assertThat(sink.queued()).as(sink.name()).isZero();
                assertThat(sink.lastError()).as(sink.name()).isEmpty();
            });
            try (Stream<Path> files = Files.walk(var.resolve("bucket"))) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .anyMatch(n -> n.startsWith("indices_") && n.endsWith(".parquet"))
                        .anyMatch(n -> n.startsWith("bsm_") && n.endsWith(".parquet"));
            }
        }
    }
}
