package org.trafficsafety.config;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trafficsafety.store.db.TestPostgres;

import javax.sql.DataSource;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API's pool uses the separate reader login when DB_READ_USER is set, and can then only read. */
class ReadDataSourceTest {

    private final TestPostgres.Database database = TestPostgres.freshDatabase();
    private final DatabaseConfiguration configuration = new DatabaseConfiguration();

    private DatabaseSettings settings(Map<String, String> extra) {
        URI uri = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        Map<String, String> env = new HashMap<>(Map.of("DB_HOST", uri.getHost(), "DB_PORT", Integer.toString(uri.getPort()),
                "DB_NAME", uri.getPath().substring(1), "DB_USER", database.user(), "DB_PASSWORD", database.password(),
                "DB_SSLMODE", "disable", "DB_POOL_SIZE", "1", "DB_MAX_OVERFLOW", "1"));
        env.putAll(extra);
        return DatabaseSettings.from(new EnvSettings(env::get));
    }

    @Test
    void shouldShareThePrimaryPoolWithoutAReaderLogin() {
        DatabaseSettings settings = settings(Map.of());
        HikariDataSource primary = configuration.dataSource(settings);

        assertThat(configuration.readDataSource(settings, primary)).isSameAs(primary);
        primary.close();
    }

    @Test
    void shouldReadAsTheReaderLoginAndRefuseWrites() {
        String reader = "api_reader_" + ProcessHandle.current().pid();
        JdbcClient owner = JdbcClient.create(database.dataSource());
        owner.sql("CREATE ROLE " + reader + " LOGIN PASSWORD 'reader-password' IN ROLE tsi_reader").update();
        DatabaseSettings settings = settings(Map.of("DB_READ_USER", reader, "DB_READ_PASSWORD", "reader-password"));
        HikariDataSource primary = configuration.dataSource(settings);
        DataSource read = configuration.readDataSource(settings, primary);
        try {
            JdbcClient api = JdbcClient.create(read);

            assertThat(api.sql("SELECT current_user").query(String.class).single()).isEqualTo(reader);
            assertThat(api.sql("SELECT count(*) FROM intersections").query(Long.class).single()).isEqualTo(4L);
            assertThatThrownBy(() -> api.sql("DELETE FROM intersections").update())
                    .isInstanceOf(BadSqlGrammarException.class)
                    .cause().hasMessageContaining("permission denied for table intersections");
        } finally {
            ((HikariDataSource) read).close();
            primary.close();
            owner.sql("DROP ROLE " + reader).update();
        }
    }
}
