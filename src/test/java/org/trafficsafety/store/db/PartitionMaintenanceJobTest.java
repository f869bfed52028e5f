package org.trafficsafety.store.db;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionMaintenanceJobTest {

    private final DataSource dataSource = TestPostgres.freshDatabase().dataSource();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PartitionMaintenanceJob job = new PartitionMaintenanceJob(new PartitionManager(dataSource,
            Clock.fixed(Instant.parse("2030-03-10T12:00:00Z"), ZoneOffset.UTC), PartitionManager.Retention.defaults()),
            new JobRunLog(dataSource), registry);

    @Test
    void shouldRecordEachRunAndExportDefaultRows() throws Exception {
        jdbc.sql("""
                INSERT INTO conflict_events (intersection_id, start_time, end_time, conflict_type, first_user_id,
                    first_user_kind, second_user_id, second_user_kind, min_ttc_s, min_ttc_time, first_speed_mps, second_speed_mps)
                VALUES (158, '2031-01-01T00:00:00Z', '2031-01-01T00:00:02Z', 'angle', 1, 'vehicle', 2, 'vehicle',
                    0.9, '2031-01-01T00:00:01Z', 7.0, 6.5)
                """).update();

        PartitionManager.Report first = job.maintain();
        job.maintain();

        Map<String, Object> run = jdbc.sql("SELECT status, rows_touched, message, finished_at >= started_at AS ordered "
                + "FROM job_runs WHERE job_name = 'partition-maintenance' ORDER BY id LIMIT 1").query().singleRow();
        assertThat(run).containsEntry("status", "succeeded").containsEntry("ordered", true)
                .containsEntry("rows_touched", (long) (first.created().size() + first.dropped().size()));
        assertThat((String) run.get("message")).endsWith("1 tables with rows in DEFAULT");
        assertThat(jdbc.sql("SELECT count(*) FROM job_runs").query(Long.class).single()).isEqualTo(2L);
        assertThat(registry.get("tsi.partition.default.rows").tag("table", "conflict_events").gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("tsi.partition.default.rows").tag("table", "safety_indices_realtime").gauge().value()).isZero();
        assertThat(registry.get("tsi.partitions.added").counter().count()).isEqualTo(first.created().size());
    }

    @Test
    void shouldRecordAFailedRun() {
        JobRunLog runs = new JobRunLog(dataSource);

        long id = runs.start("rollup-hourly");
        runs.fail(id, "database refused: disk full");

        Map<String, Object> run = jdbc.sql("SELECT status, message, instance FROM job_runs WHERE id = ?").param(id).query().singleRow();
        assertThat(run).containsEntry("status", "failed").containsEntry("message", "database refused: disk full");
        assertThat((String) run.get("instance")).contains("@");
    }
}
