package org.trafficsafety.api;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trafficsafety.TrafficSafetyApplication;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /health}: {@code {status, version, database: {status, postgis_version, pool}, <section>: {...}}}.
 * Status "ok" when everything is up, "degraded" when a section is down (HTTP 200), "down" with HTTP 503 when the
 * database is unreachable: without it nothing is stored or served.
 */
@RestController
public class HealthController {

    private static final int QUERY_TIMEOUT_S = 2;

    private final HikariDataSource dataSource;
    private final List<HealthSection> sections;

    public HealthController(HikariDataSource dataSource, List<HealthSection> sections) {
        this.dataSource = dataSource;
        this.sections = List.copyOf(sections);
    }

    @GetMapping("/health")
    public ResponseEntity<Map<String, Object>> health() {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> database = database();
        boolean databaseUp = "up".equals(database.get("status"));
        boolean allUp = databaseUp;
        body.put("status", "ok");
        body.put("version", TrafficSafetyApplication.VERSION);
        body.put("database", database);
        for (HealthSection section : sections) {
            HealthSection.Report report = section.check();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("status", report.up() ? "up" : "down");
            details.putAll(report.details());
            body.put(section.name(), details);
            allUp &= report.up();
        }
        if (!databaseUp) {
            body.put("status", "down");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
        }
        body.put("status", allUp ? "ok" : "degraded");
        return ResponseEntity.ok(body);
    }

    private Map<String, Object> database() {
        Map<String, Object> database = new LinkedHashMap<>();
        try {
            probe(database);
        } catch (SQLException first) {
            // a pooled connection that a database restart killed fails once and is evicted; ask a fresh one
            try {
                probe(database);
            } catch (SQLException e) {
                database.put("status", "down");
                database.put("error", e.getMessage());
            }
        }
        database.put("pool", pool());
        return database;
    }

    private void probe(Map<String, Object> database) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(QUERY_TIMEOUT_S);
            try (ResultSet rs = statement.executeQuery("SELECT postgis_lib_version(), current_setting('server_version')")) {
                rs.next();
                database.put("status", "up");
                database.put("postgis_version", rs.getString(1));
                database.put("postgresql_version", rs.getString(2));
            }
        }
    }

    private Map<String, Object> pool() {
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("name", dataSource.getPoolName());
        pool.put("max", dataSource.getMaximumPoolSize());
        HikariPoolMXBean stats = dataSource.getHikariPoolMXBean();
        if (stats != null) {
            pool.put("active", stats.getActiveConnections());
            pool.put("idle", stats.getIdleConnections());
            pool.put("total", stats.getTotalConnections());
            pool.put("waiting", stats.getThreadsAwaitingConnection());
        }
        return pool;
    }
}
