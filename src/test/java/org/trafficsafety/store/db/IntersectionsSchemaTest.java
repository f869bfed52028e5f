package org.trafficsafety.store.db;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IntersectionsSchemaTest {

    private final JdbcClient jdbc = JdbcClient.create(TestPostgres.freshDatabase().dataSource());

    @Test
    void shouldSeedTheFourVccIntersections() {
        var ids = jdbc.sql("SELECT id FROM intersections ORDER BY id").query(Integer.class).list();

        assertThat(ids).containsExactly(156, 158, 159, 3837);
    }

    @Test
    void shouldFillGeometryAndZoneOnInsert() {
        jdbc.sql("INSERT INTO intersections (id, name, latitude, longitude) VALUES (9001, 'Test', 37.5, -80.25)").update();

        var row = jdbc.sql("""
                SELECT ST_X(geometry) AS x, ST_Y(geometry) AS y, ST_SRID(geometry) AS srid,
                       ST_Area(zone::geography) AS area, ST_Contains(zone, geometry) AS inside
                FROM intersections WHERE id = 9001
                """).query().singleRow();

        assertThat((Double) row.get("x")).isEqualTo(-80.25);
        assertThat((Double) row.get("y")).isEqualTo(37.5);
        assertThat(row.get("srid")).isEqualTo(4326);
        // default zone: a 120 m circle, pi * 120^2 = 45,239 m^2 (a 64-gon is 0.16 % smaller)
        assertThat((Double) row.get("area")).isCloseTo(45_239.0, within(200.0));
        assertThat(row.get("inside")).isEqualTo(true);
    }

    @Test
    void shouldMoveGeometryAndZoneWhenThePositionIsUpdated() {
        jdbc.sql("UPDATE intersections SET latitude = 38.0, longitude = -78.0 WHERE id = 156").update();

        var row = jdbc.sql("""
                SELECT ST_X(geometry) AS x, ST_Y(geometry) AS y, ST_Contains(zone, geometry) AS inside,
                       updated_at > created_at AS touched
                FROM intersections WHERE id = 156
                """).query().singleRow();

        assertThat((Double) row.get("x")).isEqualTo(-78.0);
        assertThat((Double) row.get("y")).isEqualTo(38.0);
        assertThat(row.get("inside")).isEqualTo(true);
        assertThat(row.get("touched")).isEqualTo(true);
    }

    @Test
    void shouldKeepAZoneTheWriterSupplied() {
        jdbc.sql("""
                UPDATE intersections SET zone = ST_MakeEnvelope(-77.242, 38.928, -77.240, 38.929, 4326), lane_count = 8
                WHERE id = 156
                """).update();

        double area = jdbc.sql("SELECT ST_Area(zone) FROM intersections WHERE id = 156").query(Double.class).single();

        // 0.002 deg x 0.001 deg
        assertThat(area).isCloseTo(0.000002, within(1e-12));
    }

    @Test
    void shouldFindTheSeededIntersectionsWithinARadiusOfAKnownPoint() {
        // from VCC 158 (38.920952, -77.233830): VCC 159 is ~410 m away (dlat 0.002634 deg = 292 m,
        // dlon 0.003216 deg * 86.6 km/deg = 279 m), VCC 156 ~1,040 m (828 m north, 627 m west), VCC 3837 ~320 km
        String sql = """
                SELECT id FROM intersections
                WHERE ST_DWithin(geometry::geography, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography, :radius)
                ORDER BY ST_Distance(geometry::geography, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography)
                """;

        var within500 = jdbc.sql(sql).param("lat", 38.920952).param("lon", -77.233830).param("radius", 500.0)
                .query(Integer.class).list();
        var within1200 = jdbc.sql(sql).param("lat", 38.920952).param("lon", -77.233830).param("radius", 1200.0)
                .query(Integer.class).list();
        var within300 = jdbc.sql(sql).param("lat", 38.920952).param("lon", -77.233830).param("radius", 300.0)
                .query(Integer.class).list();

        assertThat(within300).containsExactly(158);
        assertThat(within500).containsExactly(158, 159);
        assertThat(within1200).containsExactly(158, 159, 156);
    }
}
