package org.trafficsafety.store.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.trafficsafety.analysis.Intersection;

/**
 * The {@code intersections} table as the collector sees it: the intersections to watch at start, and those first seen
 * in MapData, registered (geometry and zone are filled by the table's trigger). A registered intersection keeps its
 * name and position; MapData updates only its lane count and revision.
 */
public final class IntersectionWriter {

    private static final String SELECT = "SELECT id, name, latitude, longitude, zone_radius_m FROM intersections ORDER BY id";
    private static final String UPSERT = """
            INSERT INTO intersections (id, name, latitude, longitude, zone_radius_m, lane_count, revision)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET lane_count = EXCLUDED.lane_count, revision = EXCLUDED.revision""";

    private final DataSource dataSource;

    public IntersectionWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every stored intersection, by id. */
    public List<Intersection> readAll() throws SQLException {
        List<Intersection> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SELECT); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new Intersection(r.getInt(1), r.getString(2), r.getDouble(3), r.getDouble(4), r.getDouble(5)));
            }
        }
        return out;
    }

    /** Registers intersections seen in MapData, with their lane count and MapData revision. Idempotent. */
    public void register(List<RegisteredIntersection> intersections) throws SQLException {
        if (intersections.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(UPSERT)) {
            for (RegisteredIntersection r : intersections) {
                Intersection i = r.intersection();
                s.setInt(1, i.id());
                s.setString(2, i.name());
                s.setDouble(3, i.latitude());
                s.setDouble(4, i.longitude());
                s.setDouble(5, i.zoneRadiusM());
                s.setInt(6, r.laneCount());
                s.setInt(7, r.revision());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** An intersection first seen in MapData, with what the MapData said about it. */
    public record RegisteredIntersection(Intersection intersection, int laneCount, int revision) {
    }
}
