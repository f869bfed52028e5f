package org.trafficsafety.store.parquet;

import static org.trafficsafety.store.parquet.ParquetTable.appendNullable;
import static org.trafficsafety.store.parquet.ParquetTable.getNullable;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.duckdb.DuckDBAppender;
import org.trafficsafety.message.Bsm;

/** Raw BSM columns: every {@link Bsm} component, plus the two times as TIMESTAMPTZ for people and SQL. */
final class BsmTable implements ParquetTable<Bsm> {

    @Override
    public Dataset dataset() {
        return Dataset.BSM;
    }

    @Override
    public String columns() {
        return """
                id BIGINT, msg_cnt INTEGER, sec_mark INTEGER, event_time_ms BIGINT, received_at_ms BIGINT,
                event_time TIMESTAMPTZ, received_at TIMESTAMPTZ, latitude DOUBLE, longitude DOUBLE,
                elevation_m DOUBLE, speed_mps DOUBLE, heading_deg DOUBLE, accel_lon_mps2 DOUBLE,
                accel_lat_mps2 DOUBLE, yaw_rate_deg_s DOUBLE, wheel_brakes INTEGER, length_m DOUBLE, width_m DOUBLE,
                source VARCHAR""";
    }

    @Override
    public void append(DuckDBAppender a, Bsm m) throws SQLException {
        a.append(m.id()).append(m.msgCnt()).append(m.secMark()).append(m.eventTimeMs()).append(m.receivedAtMs())
                .appendEpochMicros(m.eventTimeMs() * 1000).appendEpochMicros(m.receivedAtMs() * 1000)
                .append(m.latitude()).append(m.longitude());
        appendNullable(a, m.elevationM());
        appendNullable(a, m.speedMps());
        appendNullable(a, m.headingDeg());
        appendNullable(a, m.accelLonMps2());
        appendNullable(a, m.accelLatMps2());
        appendNullable(a, m.yawRateDegS());
        a.append(m.wheelBrakes());
        appendNullable(a, m.lengthM());
        appendNullable(a, m.widthM());
        a.append(m.source());
    }

    @Override
    public String selectList() {
        return "id, msg_cnt, sec_mark, event_time_ms, received_at_ms, latitude, longitude, elevation_m, speed_mps,"
                + " heading_deg, accel_lon_mps2, accel_lat_mps2, yaw_rate_deg_s, wheel_brakes, length_m, width_m, source";
    }

    @Override
    public String timeMsExpression() {
        return "event_time_ms";
    }

    @Override
    public long timeMs(Bsm row) {
        return row.eventTimeMs();
    }

    @Override
    public Bsm read(ResultSet rs) throws SQLException {
        return new Bsm(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
                rs.getDouble(6), rs.getDouble(7), getNullable(rs, 8), getNullable(rs, 9), getNullable(rs, 10),
                getNullable(rs, 11), getNullable(rs, 12), getNullable(rs, 13), rs.getInt(14),
                getNullable(rs, 15), getNullable(rs, 16), rs.getString(17));
    }
}
