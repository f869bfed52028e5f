package org.trafficsafety.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.ConflictType;
import org.trafficsafety.analysis.RoadUserKind;
import org.trafficsafety.pipeline.Samples;

class ConflictEventWriterTest {

    private static final long TODAY_MS = Instant.now().toEpochMilli() / 86_400_000L * 86_400_000L;

    private ConflictEventWriter writer;
    private JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        writer = new ConflictEventWriter(db.dataSource());
        jdbc = JdbcClient.create(db.dataSource());
    }

    @Test
    void shouldStoreMeasuresKindsAndLocation() throws Exception {
        // a PET-only vehicle-pedestrian conflict with ids above 2^31
        ConflictEvent event = new ConflictEvent(156, TODAY_MS + 1_234, TODAY_MS + 3_000, ConflictType.CROSSING,
                4_000_000_000L, RoadUserKind.VEHICLE, 3_000_000_000L, RoadUserKind.PEDESTRIAN,
                Double.NaN, 0, 0.75, TODAY_MS + 2_500, 38.928411, -77.241071, 8.5, 1.25);

        assertThat(writer.write(List.of(event))).isEqualTo(1);

        Map<String, Object> row = jdbc.sql("""
                SELECT conflict_type, first_user_id, first_user_kind, second_user_id, second_user_kind, min_ttc_s,
                       min_ttc_time, min_pet_s, (extract(epoch FROM min_pet_time) * 1000)::bigint AS pet_ms,
                       (extract(epoch FROM start_time) * 1000)::bigint AS start_ms, first_speed_mps, second_speed_mps,
                       ST_Y(location) AS lat, ST_X(location) AS lon, ST_SRID(location) AS srid
                FROM conflict_events""").query().singleRow();
        assertThat(row).containsEntry("conflict_type", "crossing")
                .containsEntry("first_user_id", 4_000_000_000L).containsEntry("first_user_kind", "vehicle")
                .containsEntry("second_user_id", 3_000_000_000L).containsEntry("second_user_kind", "pedestrian")
                .containsEntry("min_ttc_s", null).containsEntry("min_ttc_time", null)
                .containsEntry("min_pet_s", 0.75).containsEntry("pet_ms", TODAY_MS + 2_500)
                .containsEntry("start_ms", TODAY_MS + 1_234)
                .containsEntry("first_speed_mps", 8.5).containsEntry("second_speed_mps", 1.25)
                .containsEntry("lat", 38.928411).containsEntry("lon", -77.241071).containsEntry("srid", 4326);
    }

    @Test
    void shouldNotDuplicateEventsWrittenTwice() throws Exception {
        List<ConflictEvent> events = Samples.conflicts(7, TODAY_MS, 200, 158);
        writer.write(events);
        writer.write(events);

        assertThat(jdbc.sql("SELECT count(*) FROM conflict_events").query(Long.class).single()).isEqualTo(200L);
        assertThat(jdbc.sql("SELECT count(*) FROM conflict_events WHERE min_pet_s IS NULL").query(Long.class).single())
                .isEqualTo(events.stream().filter(e -> Double.isNaN(e.minPetS())).count());
    }

    @Test
    void shouldRefuseAnImpossibleEventWithAConstraintViolation() {
        ConflictEvent negativeSpeed = new ConflictEvent(156, TODAY_MS, TODAY_MS, ConflictType.ANGLE, 1, RoadUserKind.VEHICLE,
                2, RoadUserKind.VEHICLE, 1.0, TODAY_MS, Double.NaN, 0, 38.9, -77.2, -1.0, 3.0);

        assertThatThrownBy(() -> writer.write(List.of(negativeSpeed)))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("23"));
        assertThat(jdbc.sql("SELECT count(*) FROM conflict_events").query(Long.class).single()).isZero();
    }
}
