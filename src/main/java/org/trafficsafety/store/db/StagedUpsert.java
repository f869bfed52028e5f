package org.trafficsafety.store.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The plumbing the batch writers share: one transaction per batch (rolled back on any failure, the connection's
 * auto-commit restored), and binary COPY, into a table or into a staging table with a sequence number per row so
 * that an upsert can keep the last row of each key.
 */
final class StagedUpsert {

    private StagedUpsert() {
    }

    /** The work of one batch inside its transaction. */
    @FunctionalInterface
    interface Work {
        int run(Connection connection, Statement statement) throws SQLException;
    }

    /** Writes the fields of one item after the row header (and after the sequence number when staged). */
    @FunctionalInterface
    interface Fields<T> {
        void write(PgBinaryCopy out, T item) throws SQLException;
    }

    /** Runs the work in one transaction on a connection of its own and commits it; returns what the work returns. */
    static int inTransaction(DataSource dataSource, Work work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                int written = work.run(connection, statement);
                connection.commit();
                return written;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** Starts a binary COPY ({@code COPY ... FROM STDIN (FORMAT binary)}). */
    static PgBinaryCopy copyIn(Connection connection, String copySql) throws SQLException {
        return new PgBinaryCopy(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql));
    }

    /**
     * COPYs the items into a staging table whose first column is their position in the batch.
     *
     * @param fields the columns of a row, the sequence number included
     */
    static <T> void copyStaged(Connection connection, String copySql, int fields, List<T> items, Fields<T> writer)
            throws SQLException {
        PgBinaryCopy out = copyIn(connection, copySql);
        int seq = 0;
        for (T item : items) {
            out.startRow(fields);
            out.int4(seq++);
            writer.write(out, item);
        }
        out.finish();
    }
}
