package org.trafficsafety.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trafficsafety.source.file.MessageFileReader.Document;

class MessageFileReaderTest {

    @TempDir
    Path dir;

    private static List<Document> split(String text) throws IOException {
        List<Document> out = new ArrayList<>();
        MessageFileReader.read("f.json", new StringReader(text), out::add);
        return out;
    }

    @Test
    void shouldYieldEachElementOfAPrettyPrintedArrayWithItsStartLine() throws IOException {
        List<Document> docs = split("""
                [
                  {
                    "a": "x ] , { \\" y",
                    "b": [1, 2]
                  },
                  {"c": {}}
                ]
                """);

        assertThat(docs).extracting(Document::line).containsExactly(2L, 6L);
        assertThat(docs.get(0).json()).startsWith("{").endsWith("}").contains("\"b\": [1, 2]");
        assertThat(docs.get(1).json()).isEqualTo("{\"c\": {}}");
        assertThat(docs).allMatch(Document::complete);
    }

    @Test
    void shouldYieldJsonLinesAndStringElementsAndStrayScalars() throws IOException {
        List<Document> docs = split("{\"a\":1}\n\n{\"b\":2}\nnot json\n[\"{\\\"s\\\":1}\", 3]\n");

        assertThat(docs).extracting(Document::json)
                .containsExactly("{\"a\":1}", "{\"b\":2}", "not json", "\"{\\\"s\\\":1}\"", "3");
        assertThat(docs).extracting(Document::line).containsExactly(1L, 3L, 4L, 5L, 5L);
    }

    @Test
    void shouldHandOverATruncatedLastDocumentMarkedIncomplete() throws IOException {
        List<Document> docs = split("[{\"a\": 1}, {\"b\": [1, ");

        assertThat(docs).extracting(Document::complete).containsExactly(true, false);
        assertThat(docs.get(1).json()).isEqualTo("{\"b\": [1, ");
    }

    @Test
    void shouldReadGzipByItsMagicBytes() throws IOException {
        Path file = dir.resolve("frames.data");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("{\"a\":1}\n{\"b\":2}\n".getBytes(StandardCharsets.UTF_8));
        }
        List<Document> docs = new ArrayList<>();

        MessageFileReader.read(file, docs::add);

        assertThat(docs).extracting(Document::json).containsExactly("{\"a\":1}", "{\"b\":2}");
        assertThat(docs).extracting(Document::file).containsOnly(file.toString());
    }
}
