package org.trafficsafety.store.parquet;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.duckdb.DuckDBAppender;
import org.trafficsafety.message.MapData;

/** Raw MapData columns: times, revision, intersection count, and the intersections as a JSON text column. */
final class MapDataTable implements ParquetTable<MapData> {

    private final NestedJson json = new NestedJson();

    @Override
    public Dataset dataset() {
        return Dataset.MAPDATA;
    }

    @Override
    public String columns() {
        return """
                event_time_ms BIGINT, received_at_ms BIGINT, event_time TIMESTAMPTZ, received_at TIMESTAMPTZ,
                msg_issue_revision INTEGER, intersection_count INTEGER, intersections VARCHAR""";
    }

    @Override
    public void append(DuckDBAppender a, MapData m) throws SQLException {
        a.append(m.eventTimeMs()).append(m.receivedAtMs())
                .appendEpochMicros(m.eventTimeMs() * 1000).appendEpochMicros(m.receivedAtMs() * 1000)
                .append(m.msgIssueRevision()).append(m.intersections().size())
                .append(json.write(m.intersections()));
    }

    @Override
    public String selectList() {
        return "event_time_ms, received_at_ms, msg_issue_revision, intersections";
    }

    @Override
    public String timeMsExpression() {
        return "event_time_ms";
    }

    @Override
    public long timeMs(MapData row) {
        return row.eventTimeMs();
    }

    @Override
    public MapData read(ResultSet rs) throws SQLException {
        return new MapData(rs.getLong(1), rs.getLong(2), rs.getInt(3), json.readGeometries(rs.getString(4)));
    }
}
