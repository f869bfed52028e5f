package org.trafficsafety.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trafficsafety.analysis.SafetyIndexRow;
import org.trafficsafety.pipeline.Samples;
import org.trafficsafety.store.db.IndexRowWriter;
import org.trafficsafety.store.db.TestPostgres;
import org.trafficsafety.store.parquet.ProcessedParquetWriter;
import picocli.CommandLine;

class DualWriteValidationTest {

    /** Today 02:00 UTC, inside the test database's partitions. */
    private static final long FROM_MS = Instant.now().toEpochMilli() / 86_400_000L * 86_400_000L + 7_200_000L;

    @TempDir
    Path parquet;

    private TestPostgres.Database db;
    private final TimeZone jvmZone = TimeZone.getDefault();
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void writeTheSameHourToBothStores() throws Exception {
        // a JVM and a database session far from UTC: the comparison must not care
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
        db = TestPostgres.freshDatabase();
        List<SafetyIndexRow> rows = Samples.rows(11, FROM_MS, 60, 156, 158, 159, 3837);
        new IndexRowWriter(db.dataSource()).write(rows);
        try (ProcessedParquetWriter writer = new ProcessedParquetWriter(java.time.Clock.systemUTC())) {
            writer.writeIndicesFlush(rows.subList(0, 120), parquet, Instant.ofEpochMilli(FROM_MS + 1_860_000));
            writer.writeIndicesFlush(rows.subList(120, 240), parquet, Instant.ofEpochMilli(FROM_MS + 3_660_000));
        }
    }

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(jvmZone);
    }

    private int validate() {
        CommandLine command = new CommandLine(new Tsi());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(out));
        return command.execute("validate", "dual-write", "--to", Instant.ofEpochMilli(FROM_MS + 3_600_000).toString(),
                "--last", "1h", "--sample", "1000", "--parquet", parquet.toString(),
                "--db-url", db.jdbcUrl() + "?options=-c%20TimeZone=America/New_York", "--db-user", db.user(),
                "--db-password", db.password());
    }

    private void sql(String statement) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void shouldReportAgreementWhenBothStoresHoldTheSameRows() {
        assertThat(validate()).isZero();

        assertThat(out.toString())
                .contains("156", "3837")
                .containsPattern("total\\s+240\\s+240")
                .contains("result: the stores agree")
                .doesNotContain("MISMATCH");
    }

    @Test
    void shouldFailOnAMissingMinuteAndOnAValueThatDiffersInTheLastBit() throws Exception {
        String minute = Instant.ofEpochMilli(FROM_MS + 600_000).toString();
        sql("DELETE FROM safety_indices_realtime WHERE intersection_id = 158 AND \"timestamp\" = '" + minute + "'");
        sql("UPDATE safety_indices_realtime SET avg_speed = avg_speed + 1e-12 WHERE intersection_id = 3837 AND \"timestamp\" = '"
                + minute + "'");

        assertThat(validate()).isEqualTo(1);

        assertThat(out.toString())
                .containsPattern("158\\s+59\\s+60\\s+1\\s+0\\s+0\\s+59\\s+0\\s+MISMATCH")
                .containsPattern("3837\\s+60\\s+60\\s+0\\s+0\\s+0\\s+60\\s+1\\s+MISMATCH")
                .contains("intersection 158 " + minute + ": in Parquet, not in PostgreSQL")
                .contains("intersection 3837 " + minute + ": values differ: avgSpeedMps 8.2")
                .contains("result: MISMATCH");
    }

    @Test
    void shouldExitWithTwoAndSayWhyWhenTheWindowIsNonsense() {
        CommandLine command = new CommandLine(new Tsi());
        command.setErr(new PrintWriter(out));
        assertThat(command.execute("validate", "dual-write", "--last", "an hour", "--parquet", parquet.toString(),
                "--db-url", db.jdbcUrl(), "--db-user", db.user(), "--db-password", db.password())).isEqualTo(2);
        assertThat(out.toString()).contains("not a duration: 'an hour'");
    }
}
