package org.trafficsafety.store.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One in-memory DuckDB connection, reused for every write and read of its owner (opening the first one extracts
 * the native library, about 1 s). Rows go through DuckDB's appender into a staging table, then {@code COPY ... TO}
 * a snappy Parquet file under a temporary name that is renamed into place, so a reader never sees half a file.
 * Not thread-safe on its own: owners synchronize.
 */
final class DuckDbParquet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DuckDbParquet.class);

    private final DuckDBConnection connection;

    DuckDbParquet() {
        try {
            connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = connection.createStatement()) {
                // TIMESTAMPTZ values render and convert in UTC whatever the JVM's or the machine's zone.
                s.execute("SET TimeZone = 'UTC'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open an in-memory DuckDB connection: " + e.getMessage(), e);
        }
    }

    /** Writes {@code rows} to {@code file} atomically, replacing it if present; returns the row count. */
    <T> long write(ParquetTable<T> table, List<? extends T> rows, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + file.getFileName() + ".inprogress");
        String stage = "stage_" + table.dataset().key();
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE OR REPLACE TABLE " + stage + " (" + table.columns() + ")");
            }
            try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, stage)) {
                for (T row : rows) {
                    appender.beginRow();
                    table.append(appender, row);
                    appender.endRow();
                }
            }
            try (PreparedStatement copy = connection.prepareStatement(
                    "COPY " + stage + " TO ? (FORMAT parquet, COMPRESSION snappy)")) {
                copy.setString(1, temp.toString());
                copy.execute();
            }
            try (Statement s = connection.createStatement()) {
                s.execute("DROP TABLE " + stage);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return rows.size();
        } catch (SQLException e) {
            throw new IOException("writing " + rows.size() + " " + table.dataset().key() + " rows to " + file
                    + " failed: " + e.getMessage(), e);
        } finally {
            quietlyDelete(temp);
        }
    }

    private static void quietlyDelete(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // Harmless: readers skip hidden in-progress names, and the next write of the file replaces it.
            LOG.warn("could not remove the temporary file {}: {}", temp, e.toString());
        }
    }

    /**
     * Streams the rows of {@code files} whose time is in {@code [fromMs, toMs)} to {@code sink}, ordered by time,
     * then by file name and row position (so ties come out in a stable order); {@code intersectionId}, when present,
     * keeps only that intersection's rows (processed datasets only).
     */
    <T> void read(ParquetTable<T> table, List<Path> files, long fromMs, long toMs, OptionalInt intersectionId,
                  Consumer<? super T> sink) throws IOException {
        if (files.isEmpty()) {
            return;
        }
        String time = table.timeMsExpression();
        String sql = "SELECT " + table.selectList() + " FROM read_parquet(?::VARCHAR[]"
                + ", union_by_name = true, filename = true, file_row_number = true)"
                + " WHERE " + time + " >= ? AND " + time + " < ?"
                + (intersectionId.isPresent() ? " AND intersection_id = ?" : "")
                + " ORDER BY " + time + ", filename, file_row_number";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setObject(1, connection.createArrayOf("VARCHAR",
                    files.stream().map(f -> f.toAbsolutePath().toString()).toArray()));
            ps.setLong(2, fromMs);
            ps.setLong(3, toMs);
            if (intersectionId.isPresent()) {
                ps.setInt(4, intersectionId.getAsInt());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(table.read(rs));
                }
            }
        } catch (SQLException e) {
            throw new IOException("reading " + table.dataset().key() + " from " + files.size() + " files ("
                    + files.getFirst() + " ...) failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing DuckDB failed: " + e.getMessage(), e);
        }
    }
}
