package org.trafficsafety.api;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trafficsafety.TrafficSafetyApplication;
import org.trafficsafety.store.db.TestDatabaseProperties;
import org.trafficsafety.store.db.TestPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole application on a real database: startup migrates and partitions, /health and /actuator/prometheus answer. */
@SpringBootTest(classes = TrafficSafetyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HealthControllerTest {

    private static final TestPostgres.Database DATABASE = TestPostgres.freshDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabaseProperties.register(registry, DATABASE);
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldReportTheDatabaseWithItsPostgisVersionAndPool() throws Exception {
        HttpResponse<String> response = get("/health");
        JsonNode body = json.readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.path("status").asString()).isEqualTo("ok");
        assertThat(body.path("version").asString()).isEqualTo(TrafficSafetyApplication.VERSION);
        assertThat(body.path("database").path("status").asString()).isEqualTo("up");
        assertThat(body.path("database").path("postgis_version").asString()).startsWith("3.");
        assertThat(body.path("database").path("pool").path("name").asString()).isEqualTo("tsi-primary");
        assertThat(body.path("database").path("pool").path("max").asInt()).isEqualTo(4);
    }

    @Test
    void shouldAnswer503WhileTheDatabaseIsDownAndRecoverAfterwards() throws Exception {
        TestPostgres.stopServer();
        HttpResponse<String> down;
        try {
            down = get("/health");
        } finally {
            TestPostgres.startServer();
        }
        HttpResponse<String> up = get("/health");

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(json.readTree(down.body()).path("status").asString()).isEqualTo("down");
        assertThat(json.readTree(down.body()).path("database").path("error").asString()).isNotBlank();
        assertThat(up.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldHaveMigratedAndCutPartitionsAtStartup() {
        String today = LocalDate.now(ZoneOffset.UTC).plusDays(7).toString().replace("-", "");

        Long partitions = JdbcClient.create(dataSource).sql("SELECT count(*) FROM pg_class WHERE relname = ?")
                .param("safety_indices_realtime_p" + today).query(Long.class).single();

        assertThat(partitions).isEqualTo(1L);
    }

    @Test
    void shouldExposePrometheusMetrics() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("tsi_partition_default_rows{", "tsi_partitions_added_total", "hikaricp_connections", "jvm_memory_used_bytes");
    }
}
