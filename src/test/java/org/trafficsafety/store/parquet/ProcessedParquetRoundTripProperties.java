package org.trafficsafety.store.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.SafetyIndexRow;

class ProcessedParquetRoundTripProperties {

    private static final Instant FLUSH = Instant.parse("2026-11-24T10:31:00Z");
    private static final Instant ALL_FROM = Instant.ofEpochMilli(StorageArbitraries.FROM_MS);
    private static final Instant ALL_TO = Instant.ofEpochMilli(StorageArbitraries.TO_MS + 60_000);

    private static Path root;
    private static ProcessedParquetWriter writer;

    @BeforeContainer
    static void open() throws IOException {
        root = Files.createTempDirectory("processed-parquet");
        writer = new ProcessedParquetWriter(Clock.fixed(FLUSH, ZoneOffset.UTC));
    }

    @AfterContainer
    static void close() {
        writer.close();
    }

    @Provide
    Arbitrary<List<SafetyIndexRow>> rows() {
        return StorageArbitraries.indexRow().list().ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<ConflictEvent>> events() {
        return StorageArbitraries.conflict().list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 40, seed = "20261124")
    void indexRowsShouldReadBackEqualInMinuteOrder(@ForAll("rows") List<SafetyIndexRow> rows) throws IOException {
        Path tree = Files.createTempDirectory(root, "indices");
        List<WrittenFile> files = writer.writeIndicesFlush(rows, tree, FLUSH);
        assertThat(files).allSatisfy(f -> assertThat(f.key()).startsWith("processed/indices/")
                .endsWith("/indices_20261124_103100.parquet"));

        try (ProcessedParquetReader reader = new ProcessedParquetReader(tree)) {
            assertThat(reader.readIndices(ALL_FROM, ALL_TO, OptionalInt.empty())).containsExactlyElementsOf(
                    rows.stream().sorted(Comparator.comparingLong(SafetyIndexRow::minuteStartMs)).toList());

            int id = rows.getFirst().intersectionId();
            assertThat(reader.readIndices(ALL_FROM, ALL_TO, OptionalInt.of(id))).containsExactlyElementsOf(
                    rows.stream().filter(r -> r.intersectionId() == id)
                            .sorted(Comparator.comparingLong(SafetyIndexRow::minuteStartMs)).toList());
        }
    }

    @Property(tries = 40, seed = "20261124")
    void conflictEventsShouldReadBackEqualInStartOrder(@ForAll("events") List<ConflictEvent> events)
            throws IOException {
        Path tree = Files.createTempDirectory(root, "conflicts");
        writer.writeConflictsFlush(events, tree, FLUSH);

        try (ProcessedParquetReader reader = new ProcessedParquetReader(tree)) {
            assertThat(reader.readConflicts(ALL_FROM, ALL_TO, OptionalInt.empty())).containsExactlyElementsOf(
                    events.stream().sorted(Comparator.comparingLong(ConflictEvent::startMs)).toList());
        }
    }
}
