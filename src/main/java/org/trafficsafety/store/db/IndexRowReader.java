package org.trafficsafety.store.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.trafficsafety.analysis.MinuteFeatures;
import org.trafficsafety.analysis.SafetyIndexRow;

/**
 * Reads {@code safety_indices_realtime} rows of a time range back into records, exactly (doubles as stored, the
 * minute as epoch ms whatever the session's time zone). For the dual-write validation.
 */
public final class IndexRowReader {

    private static final String SELECT = """
            SELECT intersection_id, (extract(epoch FROM "timestamp") * 1000)::bigint AS minute_ms, traffic_volume,
                   vru_count, avg_speed, speed_std, hard_braking_count, vehicle_event_count, vru_event_count,
                   vru_index, vehicle_index, combined_index, vru_index_eb, vehicle_index_eb, combined_index_eb,
                   hour_of_day, day_of_week, constants_id, formula_version
            FROM safety_indices_realtime
            WHERE "timestamp" >= ? AND "timestamp" < ?
            ORDER BY "timestamp", intersection_id""";

    private final DataSource dataSource;

    public IndexRowReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Rows whose minute starts in {@code [from, to)}, ordered by minute, then intersection. */
    public List<SafetyIndexRow> read(Instant from, Instant to) throws SQLException {
        List<SafetyIndexRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(to));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    MinuteFeatures f = new MinuteFeatures(r.getInt(1), r.getLong(2), r.getInt(3), r.getInt(4), r.getDouble(5),
                            r.getDouble(6), r.getInt(7), r.getInt(8), r.getInt(9));
                    rows.add(new SafetyIndexRow(f, r.getDouble(10), r.getDouble(11), r.getDouble(12), r.getDouble(13),
                            r.getDouble(14), r.getDouble(15), r.getInt(16), r.getInt(17), r.getLong(18), r.getString(19)));
                }
            }
        }
        return rows;
    }
}
