package org.trafficsafety.store.db;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one cluster of a test JVM. Databases are cloned from a template migrated once, so each
 * {@link TestPostgres#freshDatabase()} costs a {@code CREATE DATABASE ... TEMPLATE} (tens of ms), not a migration.
 */
final class TestCluster {

    private static final class Holder {
        static final TestCluster INSTANCE = open();
    }

    /**
     * Partitions only around today: every partition makes each CREATE DATABASE slower (113 partitions: ~2 s,
     * 23: ~0.8 s here). Rows outside this window land in DEFAULT, which queries see all the same.
     */
    private static final PartitionManager.Retention TEMPLATE_RETENTION =
            new PartitionManager.Retention(Duration.ofHours(48), Duration.ofDays(1), Duration.ofDays(2));

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final Path dataRoot;        // null when the cluster is not ours to stop (DB_HOST given)
    private final boolean ownedByThisJvm;
    private final String prefix = "tsi_test_" + ProcessHandle.current().pid() + "_";
    private final AtomicInteger counter = new AtomicInteger();
    private final List<String> databases = new ArrayList<>();
    private String template;

    private TestCluster(String host, int port, String user, String password, Path dataRoot, boolean ownedByThisJvm) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.dataRoot = dataRoot;
        this.ownedByThisJvm = ownedByThisJvm;
        Runtime.getRuntime().addShutdownHook(new Thread(this::cleanUp, "test-postgres-cleanup"));
    }

    static TestCluster instance() {
        return Holder.INSTANCE;
    }

    private static TestCluster open() {
        Map<String, String> env = System.getenv();
        if (env.containsKey("TSI_TEST_PG_PORT")) {
            String root = env.get("TSI_TEST_PGDATA");
            return new TestCluster(env.getOrDefault("TSI_TEST_PG_HOST", "127.0.0.1"),
                    Integer.parseInt(env.get("TSI_TEST_PG_PORT")), env.getOrDefault("TSI_TEST_PG_USER", "postgres"),
                    env.getOrDefault("TSI_TEST_PG_PASSWORD", ""), root == null || root.isEmpty() ? null : Path.of(root),
                    false);
        }
        try {
            Path root = Files.createTempDirectory("tsi-test-pg-");
            Map<String, String> coordinates = parseEnv(runScript("start", root.toString(), "--test"));
            return new TestCluster(coordinates.get("PGHOST"), Integer.parseInt(coordinates.get("PGPORT")),
                    coordinates.get("PGUSER"), coordinates.get("PGPASSWORD"), root, true);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temp dir for the test cluster", e);
        }
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    private String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    synchronized String createDatabaseFromTemplate() {
        if (template == null) {
            template = migratedTemplate();
        }
        String name = prefix + counter.incrementAndGet();
        execute("postgres", "CREATE DATABASE " + name + " TEMPLATE " + template + " STRATEGY FILE_COPY");
        databases.add(name);
        return url(name);
    }

    /** Migrates a template database once; a failure leaves no half-made template behind for later calls. */
    private String migratedTemplate() {
        String name = prefix + "template";
        execute("postgres", "DROP DATABASE IF EXISTS " + name);
        execute("postgres", "CREATE DATABASE " + name);
        Flyway.configure().dataSource(url(name), user, password).load().migrate();
        PGSimpleDataSource templateSource = new PGSimpleDataSource();
        templateSource.setUrl(url(name));
        templateSource.setUser(user);
        templateSource.setPassword(password);
        try {
            new PartitionManager(templateSource, Clock.systemUTC(), TEMPLATE_RETENTION).ensurePartitions();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create partitions in " + name, e);
        }
        return name;
    }

    void stop() {
        runScript("stop", requireDataRoot());
    }

    void start() {
        runScript("start", requireDataRoot(), "--test");
    }

    private String requireDataRoot() {
        if (dataRoot == null) {
            throw new IllegalStateException("the test database server is external (TSI_TEST_PGDATA unset): cannot stop or start it");
        }
        return dataRoot.toString();
    }

    private void execute(String database, String sql) {
        try (Connection connection = DriverManager.getConnection(url(database), user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test cluster on port " + port + ": " + sql + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * A cluster of our own is removed whole (by this JVM, or by {@code ./tsi test}'s trap when it gave us
     * TSI_TEST_PGDATA); only on an external server are the databases dropped one by one. Pools are not closed:
     * their threads are daemons and the server ends their sessions.
     */
    private synchronized void cleanUp() {
        if (ownedByThisJvm) {
            runScript("remove", dataRoot.toString());
            return;
        }
        if (dataRoot != null) {
            return;
        }
        List<String> drops = new ArrayList<>(databases);
        if (template != null) {
            drops.add(template);
        }
        for (String name : drops) {
            try {
                execute("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (IllegalStateException serverGone) {
                return;
            }
        }
    }

    private static String runScript(String... args) {
        List<String> command = new ArrayList<>();
        command.add(findScript().toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static Path findScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("scripts/pg-cluster");
            if (Files.isExecutable(script)) {
                return script;
            }
        }
        throw new IllegalStateException("scripts/pg-cluster not found above " + Path.of("").toAbsolutePath());
    }

    private static Map<String, String> parseEnv(String output) {
        Map<String, String> values = new HashMap<>();
        for (String line : output.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.startsWith("PG")) {
                values.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        if (!values.containsKey("PGPORT")) {
            throw new IllegalStateException("scripts/pg-cluster start printed no coordinates:\n" + output);
        }
        return values;
    }
}
