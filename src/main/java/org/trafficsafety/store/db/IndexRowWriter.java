package org.trafficsafety.store.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import javax.sql.DataSource;
import org.trafficsafety.analysis.MinuteFeatures;
import org.trafficsafety.analysis.SafetyIndexRow;

/**
 * Writes index rows into {@code safety_indices_realtime} in one transaction: new minutes by a binary COPY straight
 * into the table; when a key exists already (or repeats within the batch), by a binary COPY into a
 * session-temporary staging table and one {@code INSERT ... ON CONFLICT (intersection_id, "timestamp") DO UPDATE}. Idempotent:
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
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COPY_DIRECT = """
            COPY safety_indices_realtime (intersection_id, "timestamp", vru_index, vehicle_index, combined_index,
                vru_index_eb, vehicle_index_eb, combined_index_eb, traffic_volume, vru_count, avg_speed, speed_std,
                hard_braking_count, vehicle_event_count, vru_event_count, hour_of_day, day_of_week, constants_id,
                formula_version) FROM STDIN (FORMAT binary)""";
    private static final String COLUMNS = """
            intersection_id, "timestamp", vru_index, vehicle_index, combined_index, vru_index_eb, vehicle_index_eb,
            combined_index_eb, traffic_volume, vru_count, avg_speed, speed_std, hard_braking_count, vehicle_event_count,
            vru_event_count, hour_of_day, day_of_week, constants_id, formula_version""";
    private static final String ON_CONFLICT = """
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
    private static final String UPSERT = "INSERT INTO safety_indices_realtime (" + COLUMNS + ") SELECT " + COLUMNS
            + " FROM tsi_realtime_staging " + ON_CONFLICT;
    /** When a batch repeats a key: the last row of each key wins (an upsert may touch a row only once). */
    private static final String UPSERT_LAST_OF_EACH_KEY = "INSERT INTO safety_indices_realtime (" + COLUMNS + ") SELECT DISTINCT ON "
            + "(intersection_id, \"timestamp\") " + COLUMNS + " FROM tsi_realtime_staging ORDER BY intersection_id, \"timestamp\", seq DESC "
            + ON_CONFLICT;

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
        return StagedUpsert.inTransaction(dataSource, (connection, statement) -> {
            boolean repeatedKey = hasRepeatedKey(rows);
            if (!repeatedKey && tryCopyNewRows(connection, rows)) {
                return rows.size();
            }
            statement.execute(CREATE_STAGING);
            StagedUpsert.copyStaged(connection, COPY, FIELDS, rows, IndexRowWriter::fields);
            return statement.executeUpdate(repeatedKey ? UPSERT_LAST_OF_EACH_KEY : UPSERT);
        });
    }

    /**
     * The fast path: minutes seen for the first time COPY straight into the table, at the speed of a plain COPY. A
     * key that exists (a replay, a reprocessed minute) fails the COPY with a unique violation; it is rolled back to
     * a savepoint and the batch goes the staging-and-upsert way.
     */
    private static boolean tryCopyNewRows(Connection connection, List<SafetyIndexRow> rows) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            copyDirect(connection, rows);
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(savepoint);
            return false;
        }
    }

    /** Whether two rows share (intersection, minute): a sort of primitive keys, cheaper than DISTINCT ON in SQL. */
    static boolean hasRepeatedKey(List<SafetyIndexRow> rows) {
        long[] keys = new long[rows.size()];
        for (int i = 0; i < keys.length; i++) {
            SafetyIndexRow row = rows.get(i);
            keys[i] = ((long) row.intersectionId() << 32) ^ (row.minuteStartMs() / 60_000L);
        }
        java.util.Arrays.sort(keys);
        for (int i = 1; i < keys.length; i++) {
            if (keys[i] == keys[i - 1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * A plain COPY of the rows straight into {@code safety_indices_realtime}: no staging, no upsert, so it fails on
     * a key that exists. The physical limit a write can reach; {@code tsi bench write} compares {@link #write} to it.
     *
     * @return the number of rows copied
     */
    public long copyWithoutUpsert(List<SafetyIndexRow> rows) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return copyDirect(connection, rows);
        }
    }

    private static long copyDirect(Connection connection, List<SafetyIndexRow> rows) throws SQLException {
        PgBinaryCopy out = StagedUpsert.copyIn(connection, COPY_DIRECT);
        for (SafetyIndexRow row : rows) {
            out.startRow(FIELDS - 1);
            fields(out, row);
        }
        return out.finish();
    }

    private static void fields(PgBinaryCopy out, SafetyIndexRow row) throws SQLException {
        MinuteFeatures f = row.features();
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
}
