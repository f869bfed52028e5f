package org.trafficsafety.store.parquet;

import static org.trafficsafety.store.parquet.ParquetTable.appendNullable;
import static org.trafficsafety.store.parquet.ParquetTable.getNullable;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.duckdb.DuckDBAppender;
import org.trafficsafety.message.Psm;
import org.trafficsafety.message.VruType;

/** Raw PSM columns: every {@link Psm} component ({@code basic_type} as its J2735 code), plus TIMESTAMPTZ times. */
final class PsmTable implements ParquetTable<Psm> {

    private static final VruType[] TYPES = VruType.values();

    @Override
    public Dataset dataset() {
        return Dataset.PSM;
    }

    @Override
    public String columns() {
        return """
                id BIGINT, msg_cnt INTEGER, sec_mark INTEGER, event_time_ms BIGINT, received_at_ms BIGINT,
                event_time TIMESTAMPTZ, received_at TIMESTAMPTZ, basic_type TINYINT, latitude DOUBLE,
                longitude DOUBLE, elevation_m DOUBLE, speed_mps DOUBLE, heading_deg DOUBLE, source VARCHAR""";
    }

    @Override
    public void append(DuckDBAppender a, Psm m) throws SQLException {
        a.append(m.id()).append(m.msgCnt()).append(m.secMark()).append(m.eventTimeMs()).append(m.receivedAtMs())
                .appendEpochMicros(m.eventTimeMs() * 1000).appendEpochMicros(m.receivedAtMs() * 1000)
                .append((byte) m.basicType().code()).append(m.latitude()).append(m.longitude());
        appendNullable(a, m.elevationM());
        appendNullable(a, m.speedMps());
        appendNullable(a, m.headingDeg());
        a.append(m.source());
    }

    @Override
    public String selectList() {
        return "id, msg_cnt, sec_mark, event_time_ms, received_at_ms, basic_type, latitude, longitude, elevation_m,"
                + " speed_mps, heading_deg, source";
    }

    @Override
    public String timeMsExpression() {
        return "event_time_ms";
    }

    @Override
    public long timeMs(Psm row) {
        return row.eventTimeMs();
    }

    @Override
    public Psm read(ResultSet rs) throws SQLException {
        return new Psm(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
                TYPES[rs.getInt(6)], rs.getDouble(7), rs.getDouble(8), getNullable(rs, 9), getNullable(rs, 10),
                getNullable(rs, 11), rs.getString(12));
    }
}
