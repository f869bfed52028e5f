package org.trafficsafety.store.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationTest {

    @Test
    void shouldMigrateAnEmptyDatabaseAndDoNothingTheSecondTime() throws Exception {
        TestPostgres.Database host = TestPostgres.freshDatabase();
        String empty = "tsi_empty_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        try (Connection connection = host.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + empty);
        }
        String url = host.jdbcUrl().substring(0, host.jdbcUrl().lastIndexOf('/') + 1) + empty;
        Flyway flyway = Flyway.configure().dataSource(url, host.user(), host.password()).load();
        try {
            MigrateResult first = flyway.migrate();
            MigrateResult second = flyway.migrate();

            assertThat(first.migrationsExecuted).isGreaterThanOrEqualTo(5);
            assertThat(second.migrationsExecuted).isZero();
            assertThat(second.targetSchemaVersion).isNull();
            assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo(first.targetSchemaVersion);
        } finally {
            try (Connection connection = host.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE " + empty + " WITH (FORCE)");
            }
        }
    }

    @Test
    void shouldCreateTheTablesOfTheDesign() {
        JdbcClient jdbc = JdbcClient.create(TestPostgres.freshDatabase().dataSource());

        var tables = jdbc.sql("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                """).query(String.class).list();

        assertThat(tables).contains("intersections", "safety_indices_realtime", "safety_indices_hourly",
                "safety_indices_daily", "conflict_events", "normalization_constants", "data_quality_log", "job_runs",
                "shedlock");
    }

    @Test
    void shouldSeedTheDefaultNormalizationConstantsAsRowOne() {
        JdbcClient jdbc = JdbcClient.create(TestPostgres.freshDatabase().dataSource());

        var row = jdbc.sql("SELECT formula_version, constants ->> 'volume_ref' AS volume_ref FROM normalization_constants WHERE id = 1")
                .query().singleRow();
        long nextId = jdbc.sql("INSERT INTO normalization_constants (valid_from, constants, formula_version) "
                + "VALUES (now(), '{}', 'tsi-1') RETURNING id").query(Long.class).single();

        assertThat(row.get("formula_version")).isEqualTo("tsi-1");
        assertThat(Double.parseDouble((String) row.get("volume_ref"))).isPositive();
        assertThat(nextId).isEqualTo(2L);
    }
}
