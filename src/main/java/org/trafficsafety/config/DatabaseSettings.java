package org.trafficsafety.config;

import java.util.Optional;
import java.util.Set;

/**
 * Where PostgreSQL is and how to pool connections to it (DB_*). The pool keeps {@code poolSize} connections and
 * grows by up to {@code maxOverflow} under load. {@code readUser}, when set, is a separate least-privilege login
 * (member of {@code tsi_reader}) the API reads with; otherwise the API shares the main pool.
 */
public record DatabaseSettings(String host, int port, String name, String user, String password, int poolSize,
                               int maxOverflow, String sslMode, Optional<String> readUser, Optional<String> readPassword) {

    static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    public static DatabaseSettings from(EnvSettings env) {
        String name = env.string("DB_NAME", "trafficsafety");
        if (!name.matches("[A-Za-z0-9_\\-]+")) {
            throw new InvalidSettingException("DB_NAME", name, "letters, digits, '_' or '-'");
        }
        return new DatabaseSettings(
                env.string("DB_HOST", "localhost"),
                env.integer("DB_PORT", 5432, 1, 65535),
                name,
                env.string("DB_USER", "tsi"),
                env.string("DB_PASSWORD", ""),
                env.integer("DB_POOL_SIZE", 10, 1, 500),
                env.integer("DB_MAX_OVERFLOW", 20, 0, 500),
                env.choice("DB_SSLMODE", "prefer", SSL_MODES),
                env.optional("DB_READ_USER"),
                env.optional("DB_READ_PASSWORD"));
    }

    public String jdbcUrl() {
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + hostPart + ":" + port + "/" + name + "?sslmode=" + sslMode
                + "&reWriteBatchedInserts=true&ApplicationName=trafficsafety";
    }

    /** Connections the pool may open: {@code poolSize + maxOverflow}. */
    public int maxConnections() {
        return poolSize + maxOverflow;
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + user + "@" + host + ":" + port + "/" + name + ", pool " + poolSize + "+" + maxOverflow
                + ", sslmode " + sslMode + ", reader " + readUser.orElse("(main pool)") + "]";
    }
}
