package org.trafficsafety.tools;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.trafficsafety.store.db.PartitionManager;

/**
 * A scratch database for a benchmark, migrated and partitioned, dropped on close. It lives on the server the DB_*
 * variables name when DB_HOST is set (DB_USER must be allowed to create databases), else on the demo's private
 * cluster under ./var/pg, started with scripts/pg-cluster when needed.
 */
final class BenchDatabase implements AutoCloseable {

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String name;
    private final HikariDataSource dataSource;

    private BenchDatabase(String host, String port, String user, String password) throws SQLException {
        this.adminUrl = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        this.user = user;
        this.password = password;
        this.name = "tsi_bench_" + ProcessHandle.current().pid();
        admin("DROP DATABASE IF EXISTS " + name);
        admin("CREATE DATABASE " + name);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://" + host + ":" + port + "/" + name);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setPoolName("bench");
        this.dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).load().migrate();
        new PartitionManager(dataSource, Clock.systemUTC(), PartitionManager.Retention.defaults()).ensurePartitions();
    }

    static BenchDatabase open() throws IOException, SQLException, InterruptedException {
        DatabaseCoordinates at = DatabaseCoordinates.locate(true);
        return new BenchDatabase(at.host(), String.valueOf(at.port()), at.user(), at.password());
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        dataSource.close();
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
