package org.trafficsafety.tools;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.trafficsafety.config.DatabaseSettings;
import org.trafficsafety.config.EnvSettings;

/**
 * Where a command-line tool finds PostgreSQL: the server the DB_* variables name when DB_HOST is set, else the
 * demo's private cluster under ./var/pg (through scripts/pg-cluster, which {@code start}s it or reads its
 * coordinates with {@code env}).
 *
 * @param host     host name or address
 * @param port     TCP port
 * @param database database name
 */
public record DatabaseCoordinates(String host, int port, String database, String user, String password) {

    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    String jdbcUrl(String otherDatabase) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + otherDatabase;
    }

    /** @param startDemoCluster start ./var/pg when it is not running (else it must be) */
    public static DatabaseCoordinates locate(boolean startDemoCluster) throws IOException, InterruptedException {
        if (System.getenv("DB_HOST") != null) {
            DatabaseSettings db = DatabaseSettings.from(EnvSettings.fromSystemEnvironment());
            return new DatabaseCoordinates(db.host(), db.port(), db.name(), db.user(), db.password());
        }
        Path script = Path.of("scripts", "pg-cluster");
        if (!Files.isExecutable(script)) {
            throw new IOException("DB_HOST is not set and " + script.toAbsolutePath() + " is missing: set DB_* or run from the repository root");
        }
        Process process = new ProcessBuilder(script.toString(), startDemoCluster ? "start" : "env", "var/pg")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (process.waitFor() != 0) {
            throw new IOException("DB_HOST is not set and the demo cluster ./var/pg is not available (scripts/pg-cluster "
                    + (startDemoCluster ? "start" : "env") + " var/pg exited " + process.exitValue() + "): run ./tsi db start, or set DB_*");
        }
        Map<String, String> values = new HashMap<>();
        output.lines().filter(l -> l.indexOf('=') > 0).forEach(l -> values.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return new DatabaseCoordinates(values.getOrDefault("PGHOST", "127.0.0.1"), Integer.parseInt(values.get("PGPORT")),
                values.getOrDefault("PGDATABASE", "trafficsafety"), values.getOrDefault("PGUSER", "postgres"),
                values.getOrDefault("PGPASSWORD", ""));
    }
}
