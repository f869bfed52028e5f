package org.trafficsafety.tools;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;
import org.trafficsafety.config.DatabaseSettings;
import org.trafficsafety.config.EnvSettings;
import org.trafficsafety.config.RetentionSettings;
import org.trafficsafety.store.db.PartitionManager;
import picocli.CommandLine.Command;

import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code tsi migrate}: applies the schema migrations and cuts the partitions, as the service does at startup. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply database migrations and create/drop partitions (DB_* environment variables).")
public final class MigrateCommand implements Callable<Integer> {

    @Override
    public Integer call() throws SQLException {
        EnvSettings env = EnvSettings.fromSystemEnvironment();
        DatabaseSettings database = DatabaseSettings.from(env);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.jdbcUrl());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        MigrateResult migrated = Flyway.configure().dataSource(dataSource).load().migrate();
        PartitionManager.Report report = new PartitionManager(dataSource, Clock.systemUTC(),
                RetentionSettings.from(env).toPartitionRetention()).maintain();
        System.out.printf("schema: %d migrations applied, now at version %s%n", migrated.migrationsExecuted,
                migrated.targetSchemaVersion == null ? migrated.initialSchemaVersion : migrated.targetSchemaVersion);
        System.out.printf("partitions: %d created, %d dropped, %d tables with rows in DEFAULT%n",
                report.created().size(), report.dropped().size(), report.strays().size());
        return 0;
    }
}
