package org.trafficsafety.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trafficsafety.analysis.SafetyIndexRow;
import org.trafficsafety.pipeline.Samples;

class IndexRowWriterTest {

    /** Today's partition exists (the partition manager cuts today − retention .. today + 7 days). */
    private static final long TODAY_MS = Instant.now().toEpochMilli() / 86_400_000L * 86_400_000L;

    private TestPostgres.Database db;
    private IndexRowWriter writer;
    private JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        db = TestPostgres.freshDatabase();
        writer = new IndexRowWriter(db.dataSource());
        jdbc = JdbcClient.create(db.dataSource());
    }

    private List<SafetyIndexRow> readBack() throws Exception {
        return StoredRows.indexRows(db.dataSource());
    }

    @Test
    void shouldStoreEveryValueExactlyAtTheRightUtcMinute() throws Exception {
        List<SafetyIndexRow> rows = Samples.rows(1, TODAY_MS + 60_000L * 600, 30, 156, 158, 159, 3837);

        assertThat(writer.write(rows)).isEqualTo(120);

        assertThat(readBack()).isEqualTo(rows);
        // 600 minutes after midnight UTC is 10:00 UTC whatever the session's time zone
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET TIME ZONE 'America/New_York'");
            try (ResultSet r = s.executeQuery("SELECT to_char(min(\"timestamp\") AT TIME ZONE 'UTC', 'HH24:MI') FROM safety_indices_realtime")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo("10:00");
            }
            s.execute("RESET TIME ZONE");
        }
    }

    @Test
    void shouldLeaveTheSameRowsWhenABatchIsWrittenTwice() throws Exception {
        List<SafetyIndexRow> rows = Samples.rows(2, TODAY_MS, 60, 156, 158);
        writer.write(rows);
        writer.write(rows);

        assertThat(jdbc.sql("SELECT count(*) FROM safety_indices_realtime").query(Long.class).single()).isEqualTo(120L);
        assertThat(readBack()).isEqualTo(rows);
    }

    @Test
    void shouldReplaceAMinuteWithItsNewerValues() throws Exception {
        List<SafetyIndexRow> first = Samples.rows(3, TODAY_MS, 5, 156);
        List<SafetyIndexRow> second = Samples.rows(4, TODAY_MS, 5, 156);
        writer.write(first);
        writer.write(second);

        assertThat(readBack()).isEqualTo(second);
    }

    @Test
    void shouldKeepTheLastRowOfAKeyRepeatedWithinOneBatch() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        SafetyIndexRow older = Samples.row(random, 156, TODAY_MS);
        SafetyIndexRow newer = Samples.row(random, 156, TODAY_MS);

        assertThat(writer.write(List.of(older, newer))).isEqualTo(1);

        assertThat(readBack()).containsExactly(newer);
    }

    @Test
    void shouldCopyRowsUnchangedWithoutUpsertAndRefuseAnExistingKey() throws Exception {
        List<SafetyIndexRow> rows = Samples.rows(6, TODAY_MS, 10, 156, 3837);

        assertThat(writer.copyWithoutUpsert(rows)).isEqualTo(20);

        assertThat(readBack()).isEqualTo(rows);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> writer.copyWithoutUpsert(rows.subList(0, 1)))
                .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("duplicate key");
    }

    @Test
    void shouldWriteNothingForAnEmptyBatch() throws Exception {
        assertThat(writer.write(List.of())).isZero();
        assertThat(readBack()).isEmpty();
    }
}
