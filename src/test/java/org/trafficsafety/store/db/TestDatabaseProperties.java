package org.trafficsafety.store.db;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.net.URI;

/** Points a Spring Boot test's DB_* settings at a {@link TestPostgres} database. */
public final class TestDatabaseProperties {

    private TestDatabaseProperties() {
    }

    public static void register(DynamicPropertyRegistry registry, TestPostgres.Database database) {
        URI uri = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        registry.add("DB_HOST", uri::getHost);
        registry.add("DB_PORT", uri::getPort);
        registry.add("DB_NAME", () -> uri.getPath().substring(1));
        registry.add("DB_USER", database::user);
        registry.add("DB_PASSWORD", database::password);
        registry.add("DB_SSLMODE", () -> "disable");
        registry.add("DB_POOL_SIZE", () -> "2");
        registry.add("DB_MAX_OVERFLOW", () -> "2");
    }
}
