package org.trafficsafety.store.parquet;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.duckdb.DuckDBAppender;

/**
 * The column mapping of one dataset: how a record becomes a staging-table row and how a Parquet row becomes the
 * record again. Doubles that are NaN ("unavailable") are stored as NULL, so that SQL aggregates skip them.
 */
interface ParquetTable<T> {

    Dataset dataset();

    /** Column definitions of the staging table, in {@link #append} order. */
    String columns();

    void append(DuckDBAppender appender, T row) throws SQLException;

    /** The select list that {@link #read} expects, over {@code read_parquet(...)}. */
    String selectList();

    /** SQL expression of a row's time in epoch ms, for range filters and ordering. */
    String timeMsExpression();

    /** The UTC epoch ms that decides a row's day folder. */
    long timeMs(T row);

    T read(ResultSet rs) throws SQLException;

    static void appendNullable(DuckDBAppender appender, double value) throws SQLException {
        if (Double.isNaN(value)) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    static double getNullable(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }
}
