package org.trafficsafety.store.db;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows in PostgreSQL's binary COPY format into a {@link CopyIn}: no text formatting or parsing, and
 * doubles arrive bit for bit. Not thread-safe; one per COPY.
 */
final class PgBinaryCopy {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** 2000-01-01T00:00:00Z, PostgreSQL's timestamp epoch, in Unix ms. */
    private static final long PG_EPOCH_MS = 946_684_800_000L;

    private final CopyIn copy;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

    PgBinaryCopy(CopyIn copy) throws SQLException {
        this.copy = copy;
        buffer.put(SIGNATURE).putInt(0).putInt(0);
    }

    void startRow(int fields) throws SQLException {
        ensure(2);
        buffer.putShort((short) fields);
    }

    void int2(int value) throws SQLException {
        ensure(6);
        buffer.putInt(2).putShort((short) value);
    }

    void int4(int value) throws SQLException {
        ensure(8);
        buffer.putInt(4).putInt(value);
    }

    void int8(long value) throws SQLException {
        ensure(12);
        buffer.putInt(8).putLong(value);
    }

    void float8(double value) throws SQLException {
        ensure(12);
        buffer.putInt(8).putDouble(value);
    }

    /** A double, or NULL when it is NaN (a measure that was not observed). */
    void float8OrNull(double value) throws SQLException {
        if (Double.isNaN(value)) {
            nullField();
        } else {
            float8(value);
        }
    }

    /** timestamptz from epoch ms UTC (binary form: microseconds since 2000-01-01 UTC). */
    void timestamptz(long epochMs) throws SQLException {
        int8((epochMs - PG_EPOCH_MS) * 1000L);
    }

    void text(String value) throws SQLException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        ensure(4 + bytes.length);
        buffer.putInt(bytes.length).put(bytes);
    }

    void nullField() throws SQLException {
        ensure(4);
        buffer.putInt(-1);
    }

    /** Ends the COPY; returns the number of rows the server received. */
    long finish() throws SQLException {
        ensure(2);
        buffer.putShort((short) -1);
        flush();
        return copy.endCopy();
    }

    private void ensure(int bytes) throws SQLException {
        if (buffer.remaining() < bytes) {
            flush();
            if (buffer.remaining() < bytes) {
                throw new SQLException("a field of " + bytes + " bytes does not fit the COPY buffer");
            }
        }
    }

    private void flush() throws SQLException {
        copy.writeToCopy(buffer.array(), 0, buffer.position());
        buffer.clear();
    }
}
