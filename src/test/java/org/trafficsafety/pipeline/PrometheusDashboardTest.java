package org.trafficsafety.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.trafficsafety.TrafficSafetyApplication;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.VccEncoder;
import org.trafficsafety.simulation.vccserver.FakeVccServer;
import org.trafficsafety.store.db.TestDatabaseProperties;
import org.trafficsafety.store.db.TestPostgres;
import org.trafficsafety.tools.SyntheticTraffic;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The whole application with the collector on, fed by the real VCC stream client from the fake VCC server: /health
 * shows the collector receiving, and every metric name the Grafana dashboards under ops/grafana/ query is one that
 * /actuator/prometheus really exports.
 */
@SpringBootTest(classes = TrafficSafetyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrometheusDashboardTest {

    private static final TestPostgres.Database DATABASE = TestPostgres.freshDatabase();
    private static final FakeVccServer VCC = new FakeVccServer(FakeVccServer.Config.defaults("tsi-test", "s3cret"), 0,
            Optional.of(new VccEncoder()), InstantSource.system());
    private static final Path VAR = createVar();
    /** A metric selector in PromQL as the dashboards write it: always with braces, {@code name{...}}. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

    private static Path createVar() {
        try {
            return Files.createTempDirectory("tsi-dashboard-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabaseProperties.register(registry, DATABASE);
        registry.add("COLLECTOR_ENABLED", () -> "true");
        registry.add("DATA_SOURCE", () -> "vcc");
        registry.add("VCC_MODE", () -> "stream");
        registry.add("VCC_BASE_URL", () -> VCC.baseUrl().toString());
        registry.add("VCC_CLIENT_ID", () -> "tsi-test");
        registry.add("VCC_CLIENT_SECRET", () -> "s3cret");
        registry.add("PARQUET_STORAGE_PATH", () -> VAR.resolve("parquet").toString());
        registry.add("ARCHIVE_DIR", () -> VAR.resolve("bucket").toString());
        registry.add("SPOOL_DIR", () -> VAR.resolve("spool").toString());
        registry.add("COLLECTOR_DB_FLUSH_SECONDS", () -> "0.2");
    }

    @AfterAll
    static void stopServer() {
        VCC.close();
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    @Test
    void shouldShowTheCollectorReceivingFromTheVccStreamInHealth() throws Exception {
        // the fake server pushes to connected sockets only
        await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(get("/health")).path("collector")
                .path("source").path("connected").asBoolean());
        long now = System.currentTimeMillis();
        Message[] messages = new SyntheticTraffic(Intersection.seeded().subList(0, 1), 3, 1, 2, 7).generate(now - 20_000, 20_000);
        for (Message m : messages) {
            VCC.publish(m);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(get("/health")).path("collector")
                .path("messages_received").asLong() >= messages.length);

        JsonNode collector = json.readTree(get("/health")).path("collector");
        assertThat(collector.path("running").asBoolean()).isTrue();
        assertThat(collector.path("source").path("name").asString()).isEqualTo("vcc-stream");
        assertThat(collector.path("source").path("connected").asBoolean()).isTrue();
        List<String> sinks = new ArrayList<>();
        collector.path("sinks").forEach(s -> sinks.add(s.path("name").asString()));
        assertThat(sinks).contains("postgres-indices", "postgres-conflicts", "parquet-indices", "parquet-raw", "archive-upload");
    }

    @Test
    void shouldExportEveryMetricTheDashboardsQuery() throws Exception {
        get("/health"); // so that the HTTP server metrics exist
        Set<String> exported = get("/actuator/prometheus").lines()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));

        Set<String> used = new TreeSet<>();
        Path dashboards = repositoryRoot().resolve("ops/grafana");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dashboards, "*.json")) {
            for (Path file : files) {
                for (JsonNode panel : json.readTree(file.toFile()).path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        String expr = target.path("expr").asString();
                        Matcher m = SELECTOR.matcher(expr);
                        int found = 0;
                        while (m.find()) {
                            used.add(m.group(1));
                            found++;
                        }
                        assertThat(found).as("a metric selector with braces in %s: %s", file.getFileName(), expr).isPositive();
                    }
                }
            }
        }

        assertThat(used).hasSizeGreaterThan(20)
                .contains("tsi_messages_received_total", "db_write_success_total", "gcs_upload_failure_total",
                        "tsi_spool_depth", "tsi_end_to_end_lag_seconds_bucket", "http_server_requests_seconds_count");
        assertThat(exported).containsAll(used);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("ops/grafana"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("ops/grafana not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
