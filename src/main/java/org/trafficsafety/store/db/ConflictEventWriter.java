package org.trafficsafety.store.db;

import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.trafficsafety.analysis.ConflictEvent;

/**
 * Writes conflict events into {@code conflict_events} like {@link IndexRowWriter} writes index rows: binary COPY
 * into a temporary staging table, then an upsert on the key (intersection_id, start_time, first_user_id,
 * second_user_id). A measure that was not observed (NaN) is stored as NULL with a NULL time; the location is a
 * PostGIS point built from the event's latitude and longitude. Thread-safe.
 */
public final class ConflictEventWriter {

    private static final String CREATE_STAGING = """
            CREATE TEMP TABLE IF NOT EXISTS tsi_conflict_staging (
                seq int, intersection_id int, start_time timestamptz, end_time timestamptz, conflict_type text,
                first_user_id bigint, first_user_kind text, second_user_id bigint, second_user_kind text,
                min_ttc_s float8, min_ttc_time timestamptz, min_pet_s float8, min_pet_time timestamptz,
                first_speed_mps float8, second_speed_mps float8, latitude float8, longitude float8
            ) ON COMMIT DELETE ROWS""";
    private static final String COPY = "COPY tsi_conflict_staging FROM STDIN (FORMAT binary)";
    private static final int FIELDS = 17;
    private static final String UPSERT = """
            INSERT INTO conflict_events (intersection_id, start_time, end_time, conflict_type, first_user_id,
                first_user_kind, second_user_id, second_user_kind, min_ttc_s, min_ttc_time, min_pet_s, min_pet_time,
                first_speed_mps, second_speed_mps, location)
            SELECT DISTINCT ON (intersection_id, start_time, first_user_id, second_user_id) intersection_id,
                start_time, end_time, conflict_type, first_user_id, first_user_kind, second_user_id, second_user_kind,
                min_ttc_s, min_ttc_time, min_pet_s, min_pet_time, first_speed_mps, second_speed_mps,
                ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)
            FROM tsi_conflict_staging
            ORDER BY intersection_id, start_time, first_user_id, second_user_id, seq DESC
            ON CONFLICT (intersection_id, start_time, first_user_id, second_user_id) DO UPDATE SET
                end_time = EXCLUDED.end_time, conflict_type = EXCLUDED.conflict_type,
                first_user_kind = EXCLUDED.first_user_kind, second_user_kind = EXCLUDED.second_user_kind,
                min_ttc_s = EXCLUDED.min_ttc_s, min_ttc_time = EXCLUDED.min_ttc_time,
                min_pet_s = EXCLUDED.min_pet_s, min_pet_time = EXCLUDED.min_pet_time,
                first_speed_mps = EXCLUDED.first_speed_mps, second_speed_mps = EXCLUDED.second_speed_mps,
                location = EXCLUDED.location, ingested_at = now()""";

    private final DataSource dataSource;

    public ConflictEventWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Upserts the events in one transaction; returns the number of distinct keys written. */
    public int write(List<ConflictEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return 0;
        }
        return StagedUpsert.inTransaction(dataSource, (connection, statement) -> {
            statement.execute(CREATE_STAGING);
            StagedUpsert.copyStaged(connection, COPY, FIELDS, events, ConflictEventWriter::fields);
            return statement.executeUpdate(UPSERT);
        });
    }

    private static void fields(PgBinaryCopy out, ConflictEvent e) throws SQLException {
        out.int4(e.intersectionId());
        out.timestamptz(e.startMs());
        out.timestamptz(e.endMs());
        out.text(e.type().label());
        out.int8(e.firstId());
        out.text(e.firstKind().label());
        out.int8(e.secondId());
        out.text(e.secondKind().label());
        measure(out, e.minTtcS(), e.minTtcAtMs());
        measure(out, e.minPetS(), e.minPetAtMs());
        out.float8(e.firstSpeedMps());
        out.float8(e.secondSpeedMps());
        out.float8(e.latitude());
        out.float8(e.longitude());
    }

    private static void measure(PgBinaryCopy out, double value, long atMs) throws SQLException {
        out.float8OrNull(value);
        if (Double.isNaN(value)) {
            out.nullField();
        } else {
            out.timestamptz(atMs);
        }
    }
}
