package org.trafficsafety.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trafficsafety.analysis.index.NormalizationConstants;

class NormalizationConstantsReaderTest {

    private NormalizationConstantsReader reader;
    private JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        reader = new NormalizationConstantsReader(db.dataSource());
        jdbc = JdbcClient.create(db.dataSource());
    }

    @Test
    void shouldReadTheSeededRowAsItIsStored() throws Exception {
        var seeded = jdbc.sql("""
                SELECT (constants->>'volume_ref')::float8 AS volume, (constants->>'speed_std_ref')::float8 AS speed_std,
                       (constants->'weights'->>'combined_vru')::float8 AS combined_vru FROM normalization_constants WHERE id = 1""")
                .query().singleRow();

        NormalizationConstants found = reader.findInForce(Instant.parse("2026-11-24T08:00:00Z")).orElseThrow();

        assertThat(found.id()).isEqualTo(NormalizationConstants.DEFAULT_ID);
        assertThat(found.volumeRef()).isEqualTo(seeded.get("volume"));
        assertThat(found.speedStdRef()).isEqualTo(seeded.get("speed_std"));
        assertThat(found.weights().combinedVru()).isEqualTo(seeded.get("combined_vru"));
        assertThat(found.validFrom()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void shouldSeedTheShippedDefaultsOfTheCode() throws Exception {
        NormalizationConstants seeded = reader.findInForce(Instant.parse("2026-11-24T08:00:00Z")).orElseThrow();
        NormalizationConstants shipped = NormalizationConstants.defaults();

        assertThat(new double[] {seeded.vruConflictRef(), seeded.vehicleConflictRef(), seeded.volumeRef(), seeded.speedRef(),
                seeded.speedStdRef(), seeded.hardBrakingRef()})
                .containsExactly(shipped.vruConflictRef(), shipped.vehicleConflictRef(), shipped.volumeRef(), shipped.speedRef(),
                        shipped.speedStdRef(), shipped.hardBrakingRef());
        assertThat(seeded.weights()).isEqualTo(shipped.weights());
    }

    @Test
    void shouldPreferTheNewestRowInForceAndIgnoreOnesNotYetValid() throws Exception {
        String constants = """
                {"vru_conflict_ref": 2, "vehicle_conflict_ref": 3, "volume_ref": 55.5, "speed_ref": 12, "speed_std_ref": 4,
                 "hard_braking_ref": 1, "weights": {"vru_events": 0.4, "vru_volume": 0.2, "vru_speed": 0.2,
                 "vru_speed_std": 0.2, "vehicle_events": 0.3, "vehicle_volume": 0.3, "vehicle_speed_std": 0.2,
                 "vehicle_hard_braking": 0.2, "combined_vru": 0.6, "combined_vehicle": 0.4}}""";
        long current = jdbc.sql("INSERT INTO normalization_constants (valid_from, constants, formula_version) "
                + "VALUES ('2026-11-24T00:00:00Z', ?::jsonb, 'tsi-1') RETURNING id").param(constants).query(Long.class).single();
        jdbc.sql("INSERT INTO normalization_constants (valid_from, constants, formula_version) "
                + "VALUES ('2026-11-25T00:00:00Z', ?::jsonb, 'tsi-1')").param(constants).update();

        NormalizationConstants found = reader.findInForce(Instant.parse("2026-11-24T08:00:00Z")).orElseThrow();

        assertThat(found.id()).isEqualTo(current);
        assertThat(found.volumeRef()).isEqualTo(55.5);
        assertThat(found.vehicleConflictRef()).isEqualTo(3.0);
        assertThat(found.validUntil()).isEqualTo(NormalizationConstants.OPEN_END);
        assertThat(reader.findInForce(Instant.parse("2026-11-23T08:00:00Z")).orElseThrow().id()).isEqualTo(1L);
    }

    @Test
    void shouldNameTheRowWhoseConstantsAreIncomplete() {
        long bad = jdbc.sql("INSERT INTO normalization_constants (valid_from, constants, formula_version) "
                + "VALUES ('2026-11-24T00:00:00Z', '{\"volume_ref\": 40}', 'tsi-1') RETURNING id").query(Long.class).single();

        assertThatThrownBy(() -> reader.findInForce(Instant.parse("2026-11-24T08:00:00Z")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("row " + bad);
    }
}
