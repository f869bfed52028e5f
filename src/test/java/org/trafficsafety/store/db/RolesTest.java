package org.trafficsafety.store.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API's reader role can only read; the writer role writes rows but changes no schema. */
class RolesTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "role-test-password";

    private static final TestPostgres.Database database = TestPostgres.freshDatabase();
    private final String suffix = ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
    private final String reader = "test_reader_" + suffix;
    private final String writer = "test_writer_" + suffix;

    @BeforeEach
    void createLoginUsers() throws SQLException {
        asOwner("CREATE ROLE " + reader + " LOGIN PASSWORD '" + PASSWORD + "' IN ROLE tsi_reader");
        asOwner("CREATE ROLE " + writer + " LOGIN PASSWORD '" + PASSWORD + "' IN ROLE tsi_writer");
    }

    @AfterEach
    void dropLoginUsers() throws SQLException {
        asOwner("DROP ROLE " + reader);
        asOwner("DROP ROLE " + writer);
    }

    private void asOwner(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void as(String user, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), user, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String user, String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), user, PASSWORD);
             Statement statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void shouldLetTheReaderSelect() throws SQLException {
        assertThat(count(reader, "intersections")).isEqualTo(4);
        assertThat(count(reader, "safety_indices_realtime")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "INSERT INTO intersections (id, name, latitude, longitude) VALUES (1, 'x', 1, 1)",
            "UPDATE intersections SET name = 'renamed' WHERE id = 156",
            "DELETE FROM intersections WHERE id = 156",
            "DELETE FROM safety_indices_realtime",
            "INSERT INTO data_quality_log (issue_type, severity, message) VALUES ('x', 'info', 'x')",
            "UPDATE normalization_constants SET formula_version = 'x'",
            "CREATE TABLE sneaky (id int)",
    })
    void shouldRefuseTheReaderAnyChange(String sql) {
        assertThatThrownBy(() -> as(reader, sql)).isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
    }

    @Test
    void shouldLetTheWriterWriteRowsButNotChangeTheSchema() {
        assertThatNoSqlError(() -> as(writer, "INSERT INTO data_quality_log (issue_type, severity, message) VALUES ('gap', 'info', 'x')"));
        assertThatNoSqlError(() -> as(writer, "UPDATE intersections SET lane_count = 4 WHERE id = 156"));
        assertThatNoSqlError(() -> assertThat(count(writer, "data_quality_log")).isEqualTo(1));
        assertThatThrownBy(() -> as(writer, "CREATE TABLE sneaky (id int)")).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> as(writer, "DROP TABLE data_quality_log")).hasMessageContaining("must be owner");
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private static void assertThatNoSqlError(SqlAction action) {
        try {
            action.run();
        } catch (SQLException e) {
            throw new AssertionError("expected the statement to be allowed, got: " + e.getMessage(), e);
        }
    }
}
