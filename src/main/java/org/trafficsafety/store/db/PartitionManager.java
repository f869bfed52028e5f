package org.trafficsafety.store.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps the partitioned tables ({@code safety_indices_realtime}, {@code conflict_events} by UTC day,
 * {@code safety_indices_hourly} by UTC month) cut ahead of time and trimmed behind: partitions exist from
 * (today − retention) to (today + {@value #DAYS_AHEAD} days); retention drops whole partitions, never rows; rows
 * that no partition covers land in the DEFAULT partition and are reported. Must run as the tables' owner.
 * Holds no connection between calls; concurrent runs (several instances) serialize on an advisory lock.
 */
public final class PartitionManager {

    /** Days ahead of today (UTC) for which partitions always exist. */
    public static final int DAYS_AHEAD = 7;

    private static final Logger log = LoggerFactory.getLogger(PartitionManager.class);
    private static final long ADVISORY_LOCK = 0x7473_695f_7061_7274L; // "tsi_part"

    /** How long each table's data is kept (whole partitions older than this are dropped). */
    public record Retention(Duration realtime, Duration hourly, Duration conflicts) {
        public Retention {
            for (Duration d : new Duration[] {realtime, hourly, conflicts}) {
                if (d == null || d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("retention periods must be > 0, were " + realtime + ", " + hourly + ", " + conflicts);
                }
            }
        }

        /** 48 h realtime, 90 days hourly (design section 7), 90 days conflict events. */
        public static Retention defaults() {
            return new Retention(Duration.ofHours(48), Duration.ofDays(90), Duration.ofDays(90));
        }

        Duration of(PartitionedTable table) {
            if (table == PartitionedTable.REALTIME) {
                return realtime;
            }
            return table == PartitionedTable.HOURLY ? hourly : conflicts;
        }
    }

    /** Rows found in one table's DEFAULT partition, with the time range they cover. */
    public record DefaultPartitionRows(String table, long rows, Instant oldest, Instant newest) {
    }

    /** What one {@link #maintain()} did. */
    public record Report(List<String> created, List<String> dropped, List<DefaultPartitionRows> strays) {
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final Retention retention;

    public PartitionManager(DataSource dataSource, Clock clock, Retention retention) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.retention = retention;
    }

    /** Ensures partitions, drops expired ones, reports non-empty DEFAULT partitions (log + data_quality_log). */
    public Report maintain() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            lock(connection, true);
            try {
                List<String> created = ensurePartitions(connection);
                List<String> dropped = dropExpiredPartitions(connection);
                List<DefaultPartitionRows> strays = findDefaultPartitionRows(connection);
                for (DefaultPartitionRows stray : strays) {
                    logStray(connection, stray);
                }
                return new Report(created, dropped, strays);
            } finally {
                lock(connection, false);
            }
        }
    }

    /** Creates the missing partitions of every table from (today − retention) to (today + 7 days). */
    public List<String> ensurePartitions() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            lock(connection, true);
            try {
                return ensurePartitions(connection);
            } finally {
                lock(connection, false);
            }
        }
    }

    /** Rows currently in each DEFAULT partition (tables whose default is empty are left out). */
    public List<DefaultPartitionRows> findDefaultPartitionRows() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return findDefaultPartitionRows(connection);
        }
    }

    private List<String> ensurePartitions(Connection connection) throws SQLException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<String> created = new ArrayList<>();
        for (PartitionedTable table : PartitionedTable.ALL) {
            LocalDate first = LocalDate.ofInstant(clock.instant().minus(retention.of(table)), ZoneOffset.UTC);
            LocalDate last = today.plusDays(DAYS_AHEAD);
            for (LocalDate start = table.granularity().startOf(first); !start.isAfter(last);
                 start = table.granularity().next(start)) {
                if (createPartition(connection, table, start)) {
                    created.add(table.partitionName(start));
                }
            }
        }
        if (!created.isEmpty()) {
            log.info("created {} partitions, {} .. {}", created.size(), created.getFirst(), created.getLast());
        }
        return created;
    }

    /** Creates one partition unless it exists; rows of its range already in DEFAULT are moved into it. */
    private boolean createPartition(Connection connection, PartitionedTable table, LocalDate start) throws SQLException {
        String partition = table.partitionName(start);
        if (exists(connection, partition)) {
            return false;
        }
        OffsetDateTime from = start.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = table.granularity().next(start).atStartOfDay().atOffset(ZoneOffset.UTC);
        String bounds = "FOR VALUES FROM ('" + from + "') TO ('" + to + "')";
        String create = "CREATE TABLE " + partition + " PARTITION OF " + table.name() + " " + bounds;
        if (!defaultHasRows(connection, table, from, to)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(create);
            }
            return true;
        }
        // a partition cannot be created over rows sitting in DEFAULT: detach it, create, move the rows, re-attach
        String range = table.column() + " >= ? AND " + table.column() + " < ?";
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement();
             PreparedStatement move = connection.prepareStatement(
                     "WITH moved AS (DELETE FROM " + table.defaultPartition() + " WHERE " + range + " RETURNING *) "
                             + "INSERT INTO " + table.name() + " SELECT * FROM moved")) {
            statement.execute("ALTER TABLE " + table.name() + " DETACH PARTITION " + table.defaultPartition());
            statement.execute(create);
            move.setObject(1, from);
            move.setObject(2, to);
            int rows = move.executeUpdate();
            statement.execute("ALTER TABLE " + table.name() + " ATTACH PARTITION " + table.defaultPartition() + " DEFAULT");
            connection.commit();
            log.info("created {} and moved {} rows into it from {}", partition, rows, table.defaultPartition());
            return true;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Drops every partition whose whole range is older than now − retention. */
    private List<String> dropExpiredPartitions(Connection connection) throws SQLException {
        Instant now = clock.instant();
        List<String> dropped = new ArrayList<>();
        for (PartitionedTable table : PartitionedTable.ALL) {
            Instant cutoff = now.minus(retention.of(table));
            for (String partition : partitionsOf(connection, table)) {
                var start = table.startOf(partition);
                if (start.isEmpty()) {
                    continue;
                }
                Instant end = table.granularity().next(start.get()).atStartOfDay(ZoneOffset.UTC).toInstant();
                if (!end.isAfter(cutoff)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("DROP TABLE " + partition);
                    }
                    dropped.add(partition);
                    logQuality(connection, "retention", "info", "dropped partition " + partition + " (data before "
                                    + end + ", retention " + retention.of(table) + ")",
                            Map.of("table", table.name(), "partition", partition, "before", end.toString()));
                }
            }
        }
        if (!dropped.isEmpty()) {
            log.info("retention dropped {} partitions: {}", dropped.size(), dropped);
        }
        return dropped;
    }

    private List<DefaultPartitionRows> findDefaultPartitionRows(Connection connection) throws SQLException {
        List<DefaultPartitionRows> strays = new ArrayList<>();
        for (PartitionedTable table : PartitionedTable.ALL) {
            String sql = "SELECT count(*), min(" + table.column() + "), max(" + table.column() + ") FROM " + table.defaultPartition();
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                long rows = rs.getLong(1);
                if (rows > 0) {
                    strays.add(new DefaultPartitionRows(table.name(), rows, rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()));
                }
            }
        }
        return strays;
    }

    private void logStray(Connection connection, DefaultPartitionRows stray) throws SQLException {
        String message = stray.rows() + " rows of " + stray.table() + " are in its DEFAULT partition (from "
                + stray.oldest() + " to " + stray.newest() + "): no daily/monthly partition covers them";
        log.warn(message);
        logQuality(connection, "rows_in_default_partition", "warning", message, Map.of("table", stray.table(),
                "rows", Long.toString(stray.rows()), "oldest", stray.oldest().toString(), "newest", stray.newest().toString()));
    }

    private static void logQuality(Connection connection, String issue, String severity, String message,
                                   Map<String, String> metadata) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO data_quality_log (issue_type, severity, message, metadata)
                VALUES (?, ?, ?, jsonb_object(?::text[]))
                """)) {
            List<String> pairs = new ArrayList<>();
            metadata.forEach((k, v) -> {
                pairs.add(k);
                pairs.add(v);
            });
            insert.setString(1, issue);
            insert.setString(2, severity);
            insert.setString(3, message);
            insert.setArray(4, connection.createArrayOf("text", pairs.toArray()));
            insert.executeUpdate();
        }
    }

    private static boolean exists(Connection connection, String relation) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, relation);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static boolean defaultHasRows(Connection connection, PartitionedTable table, OffsetDateTime from, OffsetDateTime to)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM " + table.defaultPartition()
                + " WHERE " + table.column() + " >= ? AND " + table.column() + " < ?)")) {
            query.setObject(1, from);
            query.setObject(2, to);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static List<String> partitionsOf(Connection connection, PartitionedTable table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = ?::regclass ORDER BY c.relname
                """)) {
            query.setString(1, table.name());
            List<String> names = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }
    }

    private static void lock(Connection connection, boolean acquire) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                acquire ? "SELECT pg_advisory_lock(?)" : "SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, ADVISORY_LOCK);
            statement.execute();
        }
    }
}
