package org.trafficsafety.store.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;

/**
 * Real PostgreSQL + PostGIS databases for tests, on the throw-away cluster of {@code ./tsi test}
 * (coordinates in {@code TSI_TEST_PG_*}) or, when run straight from Maven or an IDE, on a cluster this JVM starts
 * with {@code scripts/pg-cluster} and removes when it exits.
 */
public final class TestPostgres {

    /** A migrated database of its own: connect with the coordinates or use the pooled {@code dataSource}. */
    public record Database(String jdbcUrl, String user, String password, DataSource dataSource) {
    }

    private TestPostgres() {
    }

    /**
     * A new, fully migrated database: schema, seeds, and partitions from 2 days back to 7 days ahead (older or later
     * rows land in the DEFAULT partitions). Gone when the JVM exits (with its cluster, or dropped on an external server).
     */
    public static Database freshDatabase() {
        TestCluster cluster = TestCluster.instance();
        String jdbcUrl = cluster.createDatabaseFromTemplate();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(cluster.user());
        config.setPassword(cluster.password());
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(3_000);
        config.setPoolName("test-" + jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1));
        HikariDataSource dataSource = new HikariDataSource(config);
        return new Database(jdbcUrl, cluster.user(), cluster.password(), dataSource);
    }

    /** Stops the cluster (fast shutdown): connections fail until {@link #startServer()}. */
    public static void stopServer() {
        TestCluster.instance().stop();
    }

    /** Starts the cluster again on the same port; returns once it accepts connections. */
    public static void startServer() {
        TestCluster.instance().start();
    }
}
