package org.trafficsafety.source.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Splits a file of messages into JSON documents without parsing them: a top-level JSON array yields each
 * element (pretty-printed or not), and otherwise each top-level value is a document (JSON lines, or objects
 * one after another; a line of stray text is one document). Gzip is recognised by its magic bytes. A file that ends inside a value yields that
 * partial value with {@code complete = false}, so a decoder counts it as malformed instead of it being lost.
 * Memory is one document at a time. Not thread-safe; one instance per file read.
 */
public final class MessageFileReader {

    /**
     * One JSON document of a file.
     *
     * @param file     the file name as given
     * @param line     1-based line where the document starts
     * @param json     the document text (an element of a top-level array, or a top-level value)
     * @param complete false when the file ended before the document did
     */
    public record Document(String file, long line, String json, boolean complete) {
    }

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private final String fileName;
    private final Consumer<Document> handler;
    private final StringBuilder doc = new StringBuilder(2048);
    private boolean capturing;
    private boolean scalar;
    private boolean inString;
    private boolean escape;
    private int depth;
    private boolean inWrapperArray;
    private long line = 1;
    private long docLine;

    private MessageFileReader(String fileName, Consumer<Document> handler) {
        this.fileName = fileName;
        this.handler = handler;
    }

    /** Reads a file (gzip or plain UTF-8 text) and hands each document to the handler, in order. */
    public static void read(Path path, Consumer<Document> handler) throws IOException {
        try (Reader reader = open(path)) {
            read(path.toString(), reader, handler);
        }
    }

    /** Reads documents from a reader; the caller closes it. */
    public static void read(String fileName, Reader reader, Consumer<Document> handler) throws IOException {
        MessageFileReader r = new MessageFileReader(fileName, handler);
        char[] buf = new char[1 << 16];
        int n;
        while ((n = reader.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                r.accept(buf[i]);
            }
        }
        r.finish();
    }

    /** Opens a file as UTF-8 text, decompressing gzip (by magic bytes, whatever the name). */
    public static Reader open(Path path) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        try {
            in.mark(2);
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            if (b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    private void accept(char c) {
        if (capturing) {
            capture(c);
        } else {
            between(c);
        }
        if (c == '\n') {
            line++;
        }
    }

    private void between(char c) {
        if (isSpace(c) || c == '\uFEFF') {
            return;
        }
        if (inWrapperArray) {
            if (c == ',') {
                return;
            }
            if (c == ']') {
                inWrapperArray = false;
                return;
            }
        } else if (c == '[') {
            inWrapperArray = true;
            return;
        }
        start(c);
    }

    private void start(char c) {
        capturing = true;
        docLine = line;
        doc.setLength(0);
        doc.append(c);
        depth = 0;
        scalar = false;
        if (c == '{' || c == '[') {
            depth = 1;
        } else if (c == '"') {
            inString = true;
        } else {
            scalar = true;
        }
    }

    private void capture(char c) {
        if (scalar) {
            // outside an array a stray line of text is one (malformed) document, not one per word
            boolean end = c == '\n' || c == '\r'
                    || inWrapperArray && (c == ' ' || c == '\t' || c == ',' || c == ']' || c == '}');
            if (end) {
                emit(true);
                between(c);
            } else {
                doc.append(c);
            }
            return;
        }
        doc.append(c);
        if (inString) {
            if (escape) {
                escape = false;
            } else if (c == '\\') {
                escape = true;
            } else if (c == '"') {
                inString = false;
                if (depth == 0) {
                    emit(true);
                }
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            depth++;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            emit(true);
        }
    }

    private void finish() {
        if (capturing) {
            emit(scalar);
        }
    }

    private void emit(boolean complete) {
        capturing = false;
        inString = false;
        escape = false;
        handler.accept(new Document(fileName, docLine, doc.toString(), complete));
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
}
