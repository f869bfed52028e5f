package org.trafficsafety.store.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageType;

class RawParquetRoundTripProperties {

    private static Path root;
    private static RawParquetWriter writer;

    @BeforeContainer
    static void open() throws IOException {
        root = Files.createTempDirectory("raw-parquet");
        writer = new RawParquetWriter();
    }

    @AfterContainer
    static void close() {
        writer.close();
    }

    @Provide
    Arbitrary<List<Message>> bsms() {
        return StorageArbitraries.bsm().map(m -> (Message) m).list().ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<Message>> psms() {
        return StorageArbitraries.psm().map(m -> (Message) m).list().ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<Message>> mapDatas() {
        return StorageArbitraries.mapData().map(m -> (Message) m).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<Message>> spats() {
        return StorageArbitraries.spat().map(m -> (Message) m).list().ofMinSize(1).ofMaxSize(10);
    }

    @Property(tries = 40, seed = "20261124")
    void bsmShouldReadBackEqualInEventTimeOrder(@ForAll("bsms") List<Message> messages) throws IOException {
        assertRoundTrip(MessageType.BSM, messages);
    }

    @Property(tries = 40, seed = "20261124")
    void psmShouldReadBackEqualInEventTimeOrder(@ForAll("psms") List<Message> messages) throws IOException {
        assertRoundTrip(MessageType.PSM, messages);
    }

    @Property(tries = 30, seed = "20261124")
    void mapDataShouldReadBackEqualInEventTimeOrder(@ForAll("mapDatas") List<Message> messages) throws IOException {
        assertRoundTrip(MessageType.MAPDATA, messages);
    }

    @Property(tries = 30, seed = "20261124")
    void spatShouldReadBackEqualInEventTimeOrder(@ForAll("spats") List<Message> messages) throws IOException {
        assertRoundTrip(MessageType.SPAT, messages);
    }

    private static void assertRoundTrip(MessageType type, List<Message> messages) throws IOException {
        Path tree = Files.createTempDirectory(root, type.key());
        List<WrittenFile> files = writer.writeFlush(type, messages, tree, Instant.parse("2026-11-24T10:30:00Z"));
        assertThat(files.stream().mapToLong(WrittenFile::rowCount).sum()).isEqualTo(messages.size());
        assertThat(files).allSatisfy(f -> assertThat(f.key()).startsWith("raw/" + type.key() + "/")
                .endsWith("/" + type.key() + "_20261124_103000.parquet"));

        List<Message> back;
        try (RawParquetReader treeReader = new RawParquetReader(tree)) {
            back = treeReader.read(type, Instant.ofEpochMilli(StorageArbitraries.FROM_MS),
                    Instant.ofEpochMilli(StorageArbitraries.TO_MS + 1));
        }

        // Stable sort: equal event times keep their order in the flush, as the reader promises.
        List<Message> expected = messages.stream().sorted(Comparator.comparingLong(Message::eventTimeMs)).toList();
        assertThat(back).containsExactlyElementsOf(expected);
    }
}
