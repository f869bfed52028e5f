package org.trafficsafety.store.db;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionManagerTest {

    private static final Instant NOW = Instant.parse("2030-03-10T12:00:00Z");

    private final DataSource dataSource = TestPostgres.freshDatabase().dataSource();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);

    private PartitionManager managerAt(Instant now) {
        return new PartitionManager(dataSource, Clock.fixed(now, ZoneOffset.UTC), PartitionManager.Retention.defaults());
    }

    private List<String> partitionsOf(String table) {
        return jdbc.sql("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = ?::regclass ORDER BY c.relname
                """).param(table).query(String.class).list();
    }

    private void insertIndexRow(String timestamp) {
        jdbc.sql("""
                INSERT INTO safety_indices_realtime (intersection_id, "timestamp", vru_index, vehicle_index, combined_index,
                    vru_index_eb, vehicle_index_eb, combined_index_eb, traffic_volume, vru_count, avg_speed, speed_std,
                    hard_braking_count, vehicle_event_count, vru_event_count, hour_of_day, day_of_week, constants_id,
                    formula_version)
                VALUES (156, ?::timestamptz, 10, 20, 14, 10, 20, 14, 12, 1, 9.5, 2.0, 0, 0, 0, 7, 1, 1, 'tsi-1')
                """).param(timestamp).update();
    }

    private String partitionHolding(String table, String column, String timestamp) {
        return jdbc.sql("SELECT tableoid::regclass::text FROM " + table + " WHERE " + column + " = ?::timestamptz")
                .param(timestamp).query(String.class).single();
    }

    @Test
    void shouldCreatePartitionsFromRetentionBackToSevenDaysAheadOnce() throws Exception {
        List<String> created = managerAt(NOW).ensurePartitions();
        List<String> again = managerAt(NOW).ensurePartitions();

        // realtime: 48 h back from 2030-03-10T12:00 is 03-08; 7 days ahead is 03-17
        assertThat(partitionsOf("safety_indices_realtime")).contains("safety_indices_realtime_default",
                "safety_indices_realtime_p20300308", "safety_indices_realtime_p20300310", "safety_indices_realtime_p20300317")
                .doesNotContain("safety_indices_realtime_p20300307", "safety_indices_realtime_p20300318");
        // hourly: 90 days back is 2029-12-10, so the months 2029-12 .. 2030-03
        assertThat(partitionsOf("safety_indices_hourly")).contains("safety_indices_hourly_p202912",
                "safety_indices_hourly_p203001", "safety_indices_hourly_p203002", "safety_indices_hourly_p203003")
                .doesNotContain("safety_indices_hourly_p202911", "safety_indices_hourly_p203004");
        assertThat(partitionsOf("conflict_events")).contains("conflict_events_p20291210", "conflict_events_p20300317")
                .doesNotContain("conflict_events_p20291209");
        // 10 daily realtime + 4 monthly + 98 daily conflicts (2029-12-10 .. 2030-03-17)
        assertThat(created).hasSize(10 + 4 + 98);
        assertThat(again).isEmpty();
    }

    @Test
    void shouldPutRowsAtMidnightIntoTheDayTheyBelongTo() throws Exception {
        managerAt(NOW).ensurePartitions();

        insertIndexRow("2030-03-10T23:59:59.999Z");
        insertIndexRow("2030-03-11T00:00:00Z");

        assertThat(partitionHolding("safety_indices_realtime", "\"timestamp\"", "2030-03-10T23:59:59.999Z"))
                .isEqualTo("safety_indices_realtime_p20300310");
        assertThat(partitionHolding("safety_indices_realtime", "\"timestamp\"", "2030-03-11T00:00:00Z"))
                .isEqualTo("safety_indices_realtime_p20300311");
    }

    @Test
    void shouldCatchAFarFutureRowInDefaultAndReportIt() throws Exception {
        insertIndexRow("2031-06-01T08:00:00Z");

        PartitionManager.Report report = managerAt(NOW).maintain();

        assertThat(partitionHolding("safety_indices_realtime", "\"timestamp\"", "2031-06-01T08:00:00Z"))
                .isEqualTo("safety_indices_realtime_default");
        assertThat(report.strays()).containsExactly(new PartitionManager.DefaultPartitionRows("safety_indices_realtime",
                1, Instant.parse("2031-06-01T08:00:00Z"), Instant.parse("2031-06-01T08:00:00Z")));
        var logged = jdbc.sql("""
                SELECT severity, metadata ->> 'table' AS "table", metadata ->> 'rows' AS rows
                FROM data_quality_log WHERE issue_type = 'rows_in_default_partition'
                """).query().singleRow();
        assertThat(logged).containsEntry("severity", "warning").containsEntry("table", "safety_indices_realtime")
                .containsEntry("rows", "1");
    }

    @Test
    void shouldMoveRowsOutOfDefaultWhenTheirDayGetsAPartition() throws Exception {
        managerAt(NOW).ensurePartitions();
        insertIndexRow("2030-03-20T06:30:00Z"); // 10 days ahead: no partition yet

        List<String> created = managerAt(Instant.parse("2030-03-14T00:00:00Z")).ensurePartitions();

        assertThat(created).contains("safety_indices_realtime_p20300320");
        assertThat(partitionHolding("safety_indices_realtime", "\"timestamp\"", "2030-03-20T06:30:00Z"))
                .isEqualTo("safety_indices_realtime_p20300320");
        assertThat(managerAt(NOW).findDefaultPartitionRows()).isEmpty();
    }

    @Test
    void shouldDropWholePartitionsOlderThanRetentionAndLogIt() throws Exception {
        managerAt(NOW).ensurePartitions();
        insertIndexRow("2030-03-08T10:00:00Z");
        insertIndexRow("2030-03-10T10:00:00Z");

        // 48 h before 2030-03-12T00:00:01 is 03-10T00:00:01: days 03-08 and 03-09 end before it, 03-10 does not
        PartitionManager.Report report = managerAt(Instant.parse("2030-03-12T00:00:01Z")).maintain();

        assertThat(report.dropped()).contains("safety_indices_realtime_p20300308", "safety_indices_realtime_p20300309")
                .doesNotContain("safety_indices_realtime_p20300310");
        assertThat(partitionsOf("safety_indices_realtime")).doesNotContain("safety_indices_realtime_p20300309")
                .contains("safety_indices_realtime_p20300310");
        assertThat(jdbc.sql("SELECT count(*) FROM safety_indices_realtime").query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("SELECT count(*) FROM data_quality_log WHERE issue_type = 'retention' AND metadata ->> 'partition' = ?")
                .param("safety_indices_realtime_p20300308").query(Long.class).single()).isEqualTo(1L);
    }
}
