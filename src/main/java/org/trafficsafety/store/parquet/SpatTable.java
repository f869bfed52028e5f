package org.trafficsafety.store.parquet;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.duckdb.DuckDBAppender;
import org.trafficsafety.message.Spat;

/** Raw SPaT columns: times, intersection count, and the intersection states as a JSON text column. */
final class SpatTable implements ParquetTable<Spat> {

    private final NestedJson json = new NestedJson();

    @Override
    public Dataset dataset() {
        return Dataset.SPAT;
    }

    @Override
    public String columns() {
        return """
                event_time_ms BIGINT, received_at_ms BIGINT, event_time TIMESTAMPTZ, received_at TIMESTAMPTZ,
                intersection_count INTEGER, intersections VARCHAR""";
    }

    @Override
    public void append(DuckDBAppender a, Spat m) throws SQLException {
        a.append(m.eventTimeMs()).append(m.receivedAtMs())
                .appendEpochMicros(m.eventTimeMs() * 1000).appendEpochMicros(m.receivedAtMs() * 1000)
                .append(m.intersections().size()).append(json.write(m.intersections()));
    }

    @Override
    public String selectList() {
        return "event_time_ms, received_at_ms, intersections";
    }

    @Override
    public String timeMsExpression() {
        return "event_time_ms";
    }

    @Override
    public long timeMs(Spat row) {
        return row.eventTimeMs();
    }

    @Override
    public Spat read(ResultSet rs) throws SQLException {
        return new Spat(rs.getLong(1), rs.getLong(2), json.readStates(rs.getString(3)));
    }
}
