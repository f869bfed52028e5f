package org.trafficsafety.store.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.trafficsafety.analysis.MinuteFeatures;
import org.trafficsafety.analysis.SafetyIndexRow;

/** Reads {@code safety_indices_realtime} back into records, for tests that compare what was stored. */
public final class StoredRows {

    private StoredRows() {
    }

    /** Every stored index row, ordered by minute, then intersection. */
    public static List<SafetyIndexRow> indexRows(DataSource dataSource) throws SQLException {
        List<SafetyIndexRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("""
                     SELECT intersection_id, (extract(epoch FROM "timestamp") * 1000)::bigint AS ms, traffic_volume,
                            vru_count, avg_speed, speed_std, hard_braking_count, vehicle_event_count, vru_event_count,
                            vru_index, vehicle_index, combined_index, vru_index_eb, vehicle_index_eb, combined_index_eb,
                            hour_of_day, day_of_week, constants_id, formula_version
                     FROM safety_indices_realtime ORDER BY "timestamp", intersection_id""")) {
            while (r.next()) {
                MinuteFeatures f = new MinuteFeatures(r.getInt(1), r.getLong(2), r.getInt(3), r.getInt(4), r.getDouble(5),
                        r.getDouble(6), r.getInt(7), r.getInt(8), r.getInt(9));
                rows.add(new SafetyIndexRow(f, r.getDouble(10), r.getDouble(11), r.getDouble(12), r.getDouble(13),
                        r.getDouble(14), r.getDouble(15), r.getInt(16), r.getInt(17), r.getLong(18), r.getString(19)));
            }
        }
        return rows;
    }

    /** The number of rows in a table (a fixed name from the test, never user input). */
    public static long count(DataSource dataSource, String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
