package org.trafficsafety.tools.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.trafficsafety.analysis.RoadUserKind;

/** What the simulator's CSV logs beside a message file share: a fixed header, one record per line, read back whole. */
final class LogCsv {

    private LogCsv() {
    }

    static void writeHeader(Writer out, String header) throws IOException {
        out.write(header);
        out.write('\n');
    }

    static void writeRow(Writer out, String... fields) {
        try {
            out.write(String.join(",", fields));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The records of a log: its first line must be the header; a line that does not parse fails the read with its
     * file and line number.
     *
     * @param what the log's name for the error message ("ground-truth log")
     */
    static <T> List<T> read(Path file, String header, String what, Function<String[], T> record) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(header)) {
            throw new IOException(file + ": not a " + what + " (header must be " + header + ")");
        }
        List<T> out = new ArrayList<>(lines.size() - 1);
        for (int n = 1; n < lines.size(); n++) {
            try {
                out.add(record.apply(lines.get(n).split(",", -1)));
            } catch (RuntimeException e) {
                throw new IOException(file + ":" + (n + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    static RoadUserKind kind(String label) {
        return RoadUserKind.valueOf(label.toUpperCase(Locale.ROOT));
    }
}
