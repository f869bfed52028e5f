package org.trafficsafety.config;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.trafficsafety.store.db.JobRunLog;
import org.trafficsafety.store.db.PartitionMaintenanceJob;
import org.trafficsafety.store.db.PartitionManager;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The connection pools, migrations at startup and partition maintenance. The primary pool connects as DB_USER,
 * the schema owner (migrations and partitions need it); {@code readDataSource} is the API's read pool.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean
    @Primary
    HikariDataSource dataSource(DatabaseSettings settings) {
        // configured, not started: the pool starts on first use, after Spring Boot has bound its metrics
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("tsi-primary");
        pool.setJdbcUrl(settings.jdbcUrl());
        pool.setUsername(settings.user());
        pool.setPassword(settings.password());
        pool.setMinimumIdle(settings.poolSize());
        pool.setMaximumPoolSize(settings.maxConnections());
        pool.setConnectionTimeout(10_000);
        return pool;
    }

    /** The API's pool: a separate read-only login when DB_READ_USER is set, else the primary pool. */
    @Bean
    DataSource readDataSource(DatabaseSettings settings, HikariDataSource dataSource) {
        if (settings.readUser().isEmpty()) {
            return dataSource;
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("tsi-read");
        pool.setJdbcUrl(settings.jdbcUrl());
        pool.setUsername(settings.readUser().get());
        pool.setPassword(settings.readPassword().orElse(""));
        pool.setReadOnly(true);
        pool.setMinimumIdle(Math.min(2, settings.poolSize()));
        pool.setMaximumPoolSize(settings.maxConnections());
        pool.setConnectionTimeout(10_000);
        return pool;
    }

    @Bean
    PartitionManager partitionManager(HikariDataSource dataSource, RetentionSettings retention) {
        return new PartitionManager(dataSource, Clock.systemUTC(), retention.toPartitionRetention());
    }

    @Bean
    PartitionMaintenanceJob partitionMaintenanceJob(PartitionManager partitionManager, HikariDataSource dataSource,
                                                    MeterRegistry meterRegistry) {
        return new PartitionMaintenanceJob(partitionManager, new JobRunLog(dataSource), meterRegistry);
    }

    /** Migrate, then cut today's partitions, before anything else touches the database. */
    @Bean
    FlywayMigrationStrategy migrateThenPartition(PartitionMaintenanceJob partitions) {
        return flyway -> {
            flyway.migrate();
            try {
                partitions.maintain();
            } catch (SQLException e) {
                throw new IllegalStateException("partition maintenance failed at startup: " + e.getMessage(), e);
            }
        };
    }

}
