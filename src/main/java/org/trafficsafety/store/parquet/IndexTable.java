package org.trafficsafety.store.parquet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import org.duckdb.DuckDBAppender;
import org.trafficsafety.analysis.MinuteFeatures;
import org.trafficsafety.analysis.SafetyIndexRow;

/** Processed index rows, with exactly the columns of {@code safety_indices_realtime}. */
final class IndexTable implements ParquetTable<SafetyIndexRow> {

    private final Clock clock;

    IndexTable(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Dataset dataset() {
        return Dataset.INDICES;
    }

    @Override
    public String columns() {
        return """
                intersection_id INTEGER, "timestamp" TIMESTAMPTZ, vru_index DOUBLE, vehicle_index DOUBLE,
                combined_index DOUBLE, vru_index_eb DOUBLE, vehicle_index_eb DOUBLE, combined_index_eb DOUBLE,
                traffic_volume INTEGER, vru_count INTEGER, avg_speed DOUBLE, speed_std DOUBLE,
                hard_braking_count INTEGER, vehicle_event_count INTEGER, vru_event_count INTEGER,
                hour_of_day SMALLINT, day_of_week SMALLINT, constants_id BIGINT, formula_version VARCHAR,
                ingested_at TIMESTAMPTZ""";
    }

    @Override
    public void append(DuckDBAppender a, SafetyIndexRow r) throws SQLException {
        MinuteFeatures f = r.features();
        a.append(f.intersectionId()).appendEpochMicros(f.minuteStartMs() * 1000)
                .append(r.vruIndex()).append(r.vehicleIndex()).append(r.combinedIndex())
                .append(r.vruIndexEb()).append(r.vehicleIndexEb()).append(r.combinedIndexEb())
                .append(f.trafficVolume()).append(f.vruCount()).append(f.avgSpeedMps()).append(f.speedStdMps())
                .append(f.hardBrakingCount()).append(f.vehicleEventCount()).append(f.vruEventCount())
                .append((short) r.hourOfDay()).append((short) r.dayOfWeek()).append(r.constantsId())
                .append(r.formulaVersion()).appendEpochMicros(clock.millis() * 1000);
    }

    @Override
    public String selectList() {
        return "intersection_id, epoch_ms(\"timestamp\"), vru_index, vehicle_index, combined_index, vru_index_eb,"
                + " vehicle_index_eb, combined_index_eb, traffic_volume, vru_count, avg_speed, speed_std,"
                + " hard_braking_count, vehicle_event_count, vru_event_count, hour_of_day, day_of_week, constants_id,"
                + " formula_version";
    }

    @Override
    public String timeMsExpression() {
        return "epoch_ms(\"timestamp\")";
    }

    @Override
    public long timeMs(SafetyIndexRow row) {
        return row.minuteStartMs();
    }

    @Override
    public SafetyIndexRow read(ResultSet rs) throws SQLException {
        MinuteFeatures f = new MinuteFeatures(rs.getInt(1), rs.getLong(2), rs.getInt(9), rs.getInt(10),
                rs.getDouble(11), rs.getDouble(12), rs.getInt(13), rs.getInt(14), rs.getInt(15));
        return new SafetyIndexRow(f, rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6),
                rs.getDouble(7), rs.getDouble(8), rs.getInt(16), rs.getInt(17), rs.getLong(18), rs.getString(19));
    }
}
