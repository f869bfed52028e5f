package org.trafficsafety.store.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.Psm;
import org.trafficsafety.message.VruType;

class ParquetFilesTest {

    private static final Instant LAST_MS_OF_DAY = Instant.parse("2026-11-24T23:59:59.999Z");
    private static RawParquetWriter writer;

    @TempDir
    Path root;

    @BeforeAll
    static void open() {
        writer = new RawParquetWriter();
    }

    @AfterAll
    static void close() {
        writer.close();
    }

    static Bsm bsmAt(long id, Instant eventTime) {
        return new Bsm(id, 1, 59_999, eventTime.toEpochMilli(), eventTime.toEpochMilli() + 40, 38.9, -77.2, 120,
                10, 90, -1, 0, 0, 0, 4.8, 1.9, "test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Pacific/Kiritimati", "America/Adak", "Asia/Kolkata"})
    void shouldPutARowAtTheLastMillisecondOfADayInThatDaysFolderWhateverTheJvmZone(String zone) throws IOException {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        try {
            List<WrittenFile> files = writer.writeFlush(MessageType.BSM,
                    List.of(bsmAt(1, LAST_MS_OF_DAY), bsmAt(2, LAST_MS_OF_DAY.plusMillis(1))), root,
                    Instant.parse("2026-11-25T00:01:00Z"));

            assertThat(files).extracting(WrittenFile::key).containsExactly(
                    "raw/bsm/2026/11/24/bsm_20261125_000100.parquet",
                    "raw/bsm/2026/11/25/bsm_20261125_000100.parquet");
            try (RawParquetReader reader = new RawParquetReader(root)) {
                assertThat(reader.read(MessageType.BSM, Instant.parse("2026-11-24T00:00:00Z"),
                        Instant.parse("2026-11-25T00:00:00Z")))
                        .extracting(m -> ((Bsm) m).id()).containsExactly(1L);
            }
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void shouldWriteTimestampColumnsInUtc() throws IOException {
        Path file = root.resolve("one.parquet");
        writer.write(MessageType.BSM, List.of(bsmAt(7, LAST_MS_OF_DAY)), file);

        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             var s = c.createStatement();
             var rs = s.executeQuery("SELECT strftime(event_time AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S.%g'),"
                     + " epoch_ms(received_at) FROM read_parquet('" + file + "')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("2026-11-24 23:59:59.999");
            assertThat(rs.getLong(2)).isEqualTo(LAST_MS_OF_DAY.toEpochMilli() + 40);
        } catch (java.sql.SQLException e) {
            throw new IOException(e);
        }
    }

    @Test
    void shouldOpenOnlyTheDayFoldersInRange() throws IOException {
        writer.writeFlush(MessageType.BSM, List.of(bsmAt(1, Instant.parse("2026-11-23T12:00:00Z")),
                bsmAt(2, Instant.parse("2026-11-24T12:00:00Z"))), root, Instant.parse("2026-11-24T12:01:00Z"));
        // A file that is not Parquet in the 23rd's folder: reading the 24th must not open it.
        Files.writeString(ParquetLayout.resolve(root, "raw/bsm/2026/11/23/bsm_20261123_999999.parquet"), "garbage");

        try (RawParquetReader reader = new RawParquetReader(root)) {
            assertThat(reader.read(MessageType.BSM, Instant.parse("2026-11-24T00:00:00Z"),
                    Instant.parse("2026-11-25T00:00:00Z"))).extracting(m -> ((Bsm) m).id()).containsExactly(2L);
            assertThatThrownBy(() -> reader.read(MessageType.BSM, Instant.parse("2026-11-23T00:00:00Z"),
                    Instant.parse("2026-11-24T00:00:00Z"))).isInstanceOf(IOException.class);
        }
    }

    @Test
    void shouldReturnNothingForDaysWithoutFiles() throws IOException {
        try (RawParquetReader reader = new RawParquetReader(root)) {
            assertThat(reader.read(MessageType.SPAT, Instant.parse("2026-11-24T00:00:00Z"),
                    Instant.parse("2026-11-26T00:00:00Z"))).isEmpty();
        }
    }

    @Test
    void shouldKeepTheOldFileIntactWhenAReplacingWriteFails() throws IOException {
        Path file = root.resolve("raw/bsm/2026/11/24/bsm_20261124_120000.parquet");
        writer.write(MessageType.BSM, List.of(bsmAt(1, Instant.parse("2026-11-24T12:00:00Z"))), file);
        byte[] before = Files.readAllBytes(file);
        // Occupy the temporary name with a non-empty directory so that DuckDB cannot write it.
        Path blocker = file.resolveSibling("." + file.getFileName() + ".inprogress");
        Files.createDirectories(blocker.resolve("x"));

        assertThatThrownBy(() -> writer.write(MessageType.BSM,
                List.of(bsmAt(2, Instant.parse("2026-11-24T12:00:01Z"))), file))
                .isInstanceOf(IOException.class).hasMessageContaining("writing 1 bsm rows to " + file);

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void shouldLeaveNoTemporaryFileAfterAWriteAndIgnoreInProgressFilesWhenReading() throws IOException {
        Path dir = ParquetLayout.resolve(root, "raw/bsm/2026/11/24");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(".bsm_20261124_120100.parquet.inprogress"), "half a file");

        writer.writeFlush(MessageType.BSM, List.of(bsmAt(3, Instant.parse("2026-11-24T12:00:00Z"))), root,
                Instant.parse("2026-11-24T12:00:30Z"));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("bsm_20261124_120030.parquet", ".bsm_20261124_120100.parquet.inprogress");
        }
        try (RawParquetReader reader = new RawParquetReader(root)) {
            assertThat(reader.read(MessageType.BSM, Instant.parse("2026-11-24T00:00:00Z"),
                    Instant.parse("2026-11-25T00:00:00Z"))).hasSize(1);
        }
    }

    @Test
    void shouldRefuseMessagesOfAnotherType() {
        Message psm = new Psm(1, 0, 0, 0, 0, VruType.PEDESTRIAN, 0, 0, Double.NaN, 1, 0, "test");
        assertThatThrownBy(() -> writer.write(MessageType.BSM, List.of(psm), root.resolve("x.parquet")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected only Bsm messages");
    }
}
