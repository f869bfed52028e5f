package org.trafficsafety.store.parquet;

import static org.trafficsafety.store.parquet.ParquetTable.appendNullable;
import static org.trafficsafety.store.parquet.ParquetTable.getNullable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import org.duckdb.DuckDBAppender;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.ConflictType;
import org.trafficsafety.analysis.RoadUserKind;

/**
 * Processed conflict events, with the columns of {@code conflict_events} except that the PostGIS location is two
 * doubles, {@code latitude} and {@code longitude}. A measure that was not observed is NULL, and so is its time.
 */
final class ConflictTable implements ParquetTable<ConflictEvent> {

    private final Clock clock;

    ConflictTable(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Dataset dataset() {
        return Dataset.CONFLICTS;
    }

    @Override
    public String columns() {
        return """
                intersection_id INTEGER, start_time TIMESTAMPTZ, end_time TIMESTAMPTZ, conflict_type VARCHAR,
                first_user_id BIGINT, first_user_kind VARCHAR, second_user_id BIGINT, second_user_kind VARCHAR,
                min_ttc_s DOUBLE, min_ttc_time TIMESTAMPTZ, min_pet_s DOUBLE, min_pet_time TIMESTAMPTZ,
                first_speed_mps DOUBLE, second_speed_mps DOUBLE, latitude DOUBLE, longitude DOUBLE,
                ingested_at TIMESTAMPTZ""";
    }

    @Override
    public void append(DuckDBAppender a, ConflictEvent e) throws SQLException {
        a.append(e.intersectionId()).appendEpochMicros(e.startMs() * 1000).appendEpochMicros(e.endMs() * 1000)
                .append(e.type().label()).append(e.firstId()).append(e.firstKind().label())
                .append(e.secondId()).append(e.secondKind().label());
        appendMeasure(a, e.minTtcS(), e.minTtcAtMs());
        appendMeasure(a, e.minPetS(), e.minPetAtMs());
        a.append(e.firstSpeedMps()).append(e.secondSpeedMps()).append(e.latitude()).append(e.longitude())
                .appendEpochMicros(clock.millis() * 1000);
    }

    private static void appendMeasure(DuckDBAppender a, double seconds, long atMs) throws SQLException {
        appendNullable(a, seconds);
        if (Double.isNaN(seconds)) {
            a.appendNull();
        } else {
            a.appendEpochMicros(atMs * 1000);
        }
    }

    @Override
    public String selectList() {
        return "intersection_id, epoch_ms(start_time), epoch_ms(end_time), conflict_type, first_user_id,"
                + " first_user_kind, second_user_id, second_user_kind, min_ttc_s, epoch_ms(min_ttc_time), min_pet_s,"
                + " epoch_ms(min_pet_time), first_speed_mps, second_speed_mps, latitude, longitude";
    }

    @Override
    public String timeMsExpression() {
        return "epoch_ms(start_time)";
    }

    @Override
    public long timeMs(ConflictEvent row) {
        return row.startMs();
    }

    @Override
    public ConflictEvent read(ResultSet rs) throws SQLException {
        // getLong of a NULL time is 0: the record's "not observed" time.
        return new ConflictEvent(rs.getInt(1), rs.getLong(2), rs.getLong(3), type(rs.getString(4)), rs.getLong(5),
                kind(rs.getString(6)), rs.getLong(7), kind(rs.getString(8)), getNullable(rs, 9), rs.getLong(10),
                getNullable(rs, 11), rs.getLong(12), rs.getDouble(15), rs.getDouble(16), rs.getDouble(13),
                rs.getDouble(14));
    }

    private static ConflictType type(String label) throws SQLException {
        for (ConflictType t : ConflictType.values()) {
            if (t.label().equals(label)) {
                return t;
            }
        }
        throw new SQLException("unknown conflict_type '" + label + "'");
    }

    private static RoadUserKind kind(String label) throws SQLException {
        try {
            return RoadUserKind.valueOf(label.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SQLException("unknown user kind '" + label + "'", e);
        }
    }
}
