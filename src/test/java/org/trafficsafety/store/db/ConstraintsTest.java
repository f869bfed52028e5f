package org.trafficsafety.store.db;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Out-of-range rows are refused by check constraints whose names say what is wrong. */
class ConstraintsTest {

    private static final JdbcClient jdbc = JdbcClient.create(TestPostgres.freshDatabase().dataSource());

    @Nested
    class SafetyIndicesRealtime {

        private static final String VALID = """
                INSERT INTO safety_indices_realtime (intersection_id, "timestamp", vru_index, vehicle_index, combined_index,
                    vru_index_eb, vehicle_index_eb, combined_index_eb, traffic_volume, vru_count, avg_speed, speed_std,
                    hard_braking_count, vehicle_event_count, vru_event_count, hour_of_day, day_of_week, constants_id,
                    formula_version)
                VALUES (156, now(), 10, 20, 14, 10, 20, 14, 12, 1, 9.5, 2.0, 0, 0, 0, 7, 1, 1, 'tsi-1')
                """;

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "vru_index, vehicle_index, combined_index, vru_index_eb | 101, 20, 14, 10 | vru_index_check",
                "vru_index, vehicle_index, combined_index, vru_index_eb | 10, 20, 14, -0.5 | vru_index_eb_check",
                "vru_index, vehicle_index, combined_index, vru_index_eb | 10, 20, 100.01, 10 | combined_index_check",
                "traffic_volume, vru_count, avg_speed, speed_std | -1, 1, 9.5, 2 | traffic_volume_check",
                "traffic_volume, vru_count, avg_speed, speed_std | 12, 1, -3, 2 | avg_speed_check",
                "hour_of_day, day_of_week, hard_braking_count, vru_event_count | 24, 1, 0, 0 | hour_of_day_check",
                "hour_of_day, day_of_week, hard_braking_count, vru_event_count | 7, 7, 0, 0 | day_of_week_check",
                "hour_of_day, day_of_week, hard_braking_count, vru_event_count | 7, 1, -2, 0 | hard_braking_count_check",
        })
        void shouldRefuseOutOfRangeValues(String columns, String values, String constraint) {
            String sql = replace(VALID, columns.split(","), values.split(","));

            assertThatThrownBy(() -> jdbc.sql(sql).update())
                    .isInstanceOf(DataIntegrityViolationException.class)
                    .hasMessageContaining("violates check constraint \"safety_indices_realtime_" + constraint + "\"");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"vru_index | 0", "vru_index | 100", "hour_of_day | 23", "day_of_week | 0"})
        void shouldAcceptTheBoundaries(String column, String value) {
            String sql = replace(VALID, new String[] {column}, new String[] {value});

            assertThat(jdbc.sql(sql).update()).isEqualTo(1);
        }
    }

    @Nested
    class ConflictEvents {

        private static final String VALID = """
                INSERT INTO conflict_events (intersection_id, start_time, end_time, conflict_type, first_user_id,
                    first_user_kind, second_user_id, second_user_kind, min_ttc_s, min_ttc_time, min_pet_s, min_pet_time,
                    first_speed_mps, second_speed_mps, location)
                VALUES (156, now(), now() + interval '2 seconds', 'crossing', 17, 'vehicle', 4294967295, 'pedestrian',
                    1.2, now(), NULL, NULL, 8.0, 1.4, ST_SetSRID(ST_MakePoint(-77.24, 38.93), 4326))
                """;

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "'crossing' | 'sideswipe' | conflict_type_check",
                "'pedestrian' | 'horse' | second_user_kind_check",
                "4294967295 | 4294967296 | second_user_id_check",
                "1.2, now() | -0.1, now() | min_ttc_s_check",
                "1.2, now(), NULL, NULL | NULL, NULL, NULL, NULL | has_a_measure",
                "1.2, now(), NULL | 1.2, NULL, NULL | ttc_has_a_time",
                "now() + interval '2 seconds' | now() - interval '2 seconds' | ends_after_start",
        })
        void shouldRefuseInvalidConflicts(String from, String to, String constraint) {
            assertThat(VALID).contains(from);
            String sql = VALID.replace(from, to);

            assertThatThrownBy(() -> jdbc.sql(sql).update())
                    .isInstanceOf(DataIntegrityViolationException.class)
                    .hasMessageContaining("violates check constraint \"conflict_events_" + constraint + "\"");
        }

        @org.junit.jupiter.api.Test
        void shouldAcceptAValidConflict() {
            assertThat(jdbc.sql(VALID).update()).isEqualTo(1);
        }
    }

    @Nested
    class Intersections {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"91, 0 | latitude_check", "0, -180.5 | longitude_check"})
        void shouldRefuseImpossiblePositions(String position, String constraint) {
            assertThatThrownBy(() -> jdbc.sql("INSERT INTO intersections (id, name, latitude, longitude) VALUES (1, 'x', "
                    + position + ")").update())
                    .isInstanceOf(DataIntegrityViolationException.class)
                    .hasMessageContaining("violates check constraint \"intersections_" + constraint + "\"");
        }
    }

    /** Replaces, in the VALUES list of {@code insert}, the value of each named column. */
    private static String replace(String insert, String[] columns, String[] values) {
        int open = insert.indexOf('(');
        int close = insert.indexOf(')', open);
        String[] names = insert.substring(open + 1, close).split(",");
        int valuesOpen = insert.indexOf("VALUES (") + "VALUES (".length();
        int valuesClose = insert.lastIndexOf(')');
        String[] current = insert.substring(valuesOpen, valuesClose).split(",");
        for (int c = 0; c < columns.length; c++) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].trim().replace("\"", "").equals(columns[c].trim())) {
                    current[i] = " " + values[c].trim();
                }
            }
        }
        return insert.substring(0, valuesOpen) + String.join(",", current) + insert.substring(valuesClose);
    }
}
