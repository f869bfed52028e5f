package org.trafficsafety.store.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.trafficsafety.analysis.MinuteFeatures;
import org.trafficsafety.analysis.SafetyIndexRow;

/**
 * Writes index rows into {@code safety_indices_realtime}: one binary COPY into a session-temporary staging table,
 * then one {@code INSERT ... ON CONFLICT (intersection_id, "timestamp") DO UPDATE}, in one transaction. Idempotent:
 * writing a batch again leaves the same rows (with a newer {@code ingested_at}). Within a batch, the last row of a
 * key wins. Thread-safe: each call takes its own connection.
 */
public final class IndexRowWriter {

    private static final String CREATE_STAGING = """
            CREATE TEMP TABLE IF NOT EXISTS tsi_realtime_staging (
                seq int, intersection_id int, "timestamp" timestamptz,
                vru_index float8, vehicle_index float8, combined_index float8,
                vru_index_eb float8, vehicle_index_eb float8, combined_index_eb float8,
                traffic_volume int, vru_count int, avg_speed float8, speed_std float8, hard_braking_count int,
                vehicle_event_count int, vru_event_count int, hour_of_day smallint, day_of_week smallint,
                constants_id bigint, formula_version text
            ) ON COMMIT DELETE ROWS""";
    private static final String COPY = "COPY tsi_realtime_staging FROM STDIN (FORMAT binary)";
    private static final int FIELDS = 20;
    private static final String UPSERT = """
            INSERT INTO safety_indices_realtime (intersection_id, "timestamp", vru_index, vehicle_index, combined_index,
                vru_index_eb, vehicle_index_eb, combined_index_eb, traffic_volume, vru_count, avg_speed, speed_std,
                hard_braking_count, vehicle_event_count, vru_event_count, hour_of_day, day_of_week, constants_id,
                formula_version)
            SELECT DISTINCT ON (intersection_id, "timestamp") intersection_id, "timestamp", vru_index, vehicle_index,
                combined_index, vru_index_eb, vehicle_index_eb, combined_index_eb, traffic_volume, vru_count, avg_speed,
                speed_std, hard_braking_count, vehicle_event_count, vru_event_count, hour_of_day, day_of_week,
                constants_id, formula_version
            FROM tsi_realtime_staging
            ORDER BY intersection_id, "timestamp", seq DESC
            ON CONFLICT (intersection_id, "timestamp") DO UPDATE SET
                vru_index = EXCLUDED.vru_index, vehicle_index = EXCLUDED.vehicle_index,
                combined_index = EXCLUDED.combined_index, vru_index_eb = EXCLUDED.vru_index_eb,
                vehicle_index_eb = EXCLUDED.vehicle_index_eb, combined_index_eb = EXCLUDED.combined_index_eb,
                traffic_volume = EXCLUDED.traffic_volume, vru_count = EXCLUDED.vru_count,
                avg_speed = EXCLUDED.avg_speed, speed_std = EXCLUDED.speed_std,
                hard_braking_count = EXCLUDED.hard_braking_count, vehicle_event_count = EXCLUDED.vehicle_event_count,
                vru_event_count = EXCLUDED.vru_event_count, hour_of_day = EXCLUDED.hour_of_day,
                day_of_week = EXCLUDED.day_of_week, constants_id = EXCLUDED.constants_id,
                formula_version = EXCLUDED.formula_version, ingested_at = now()""";

    private final DataSource dataSource;

    public IndexRowWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Upserts the rows in one transaction.
     *
     * @return the number of distinct keys written
     */
    public int write(List<SafetyIndexRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(CREATE_STAGING);
                copy(connection, rows);
                int written = statement.executeUpdate(UPSERT);
                connection.commit();
                return written;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static void copy(Connection connection, List<SafetyIndexRow> rows) throws SQLException {
        PgBinaryCopy out = new PgBinaryCopy(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY));
        int seq = 0;
        for (SafetyIndexRow row : rows) {
            MinuteFeatures f = row.features();
            out.startRow(FIELDS);
            out.int4(seq++);
            out.int4(f.intersectionId());
            out.timestamptz(f.minuteStartMs());
            out.float8(row.vruIndex());
            out.float8(row.vehicleIndex());
            out.float8(row.combinedIndex());
            out.float8(row.vruIndexEb());
            out.float8(row.vehicleIndexEb());
            out.float8(row.combinedIndexEb());
            out.int4(f.trafficVolume());
            out.int4(f.vruCount());
            out.float8(f.avgSpeedMps());
            out.float8(f.speedStdMps());
            out.int4(f.hardBrakingCount());
            out.int4(f.vehicleEventCount());
            out.int4(f.vruEventCount());
            out.int2(row.hourOfDay());
            out.int2(row.dayOfWeek());
            out.int8(row.constantsId());
            out.text(row.formulaVersion());
        }
        out.finish();
    }
}
