package org.trafficsafety.tools.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trafficsafety.analysis.RoadUserKind;
import org.trafficsafety.message.TemporaryId;
import org.trafficsafety.simulation.BenignPassing;

/**
 * The passings log beside a simulated message file: one CSV row per {@link BenignPassing}, two road users near each
 * other where the design says there must be no conflict (vehicles in adjacent or opposing lanes, a pedestrian or
 * cyclist on a sidewalk). {@code tsi analyze --truth} counts the detections within them.
 */
public final class PassingCsv implements AutoCloseable {

    public static final String HEADER = "start_time,end_time,intersection_id,situation,first_user_id,first_user_kind,"
            + "second_user_id,second_user_kind";

    private final Writer out;

    public PassingCsv(Writer out) throws IOException {
        this.out = out;
        out.write(HEADER);
        out.write('\n');
    }

    public void write(BenignPassing p) {
        try {
            out.write(String.join(",",
                    Instant.ofEpochMilli(p.startMs()).toString(),
                    Instant.ofEpochMilli(p.endMs()).toString(),
                    Integer.toString(p.intersectionId()),
                    p.situation().name().toLowerCase(Locale.ROOT),
                    TemporaryId.decimal(p.firstId()),
                    p.firstKind().label(),
                    TemporaryId.decimal(p.secondId()),
                    p.secondKind().label()));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a log written by this class back. */
    public static List<BenignPassing> read(Path file) throws IOException {
        List<BenignPassing> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file + ": not a passings log (header must be " + HEADER + ")");
        }
        for (int n = 1; n < lines.size(); n++) {
            String[] f = lines.get(n).split(",", -1);
            try {
                out.add(new BenignPassing(Integer.parseInt(f[2]), Long.parseUnsignedLong(f[4]), kind(f[5]),
                        Long.parseUnsignedLong(f[6]), kind(f[7]), BenignPassing.Situation.valueOf(f[3].toUpperCase(Locale.ROOT)),
                        Instant.parse(f[0]).toEpochMilli(), Instant.parse(f[1]).toEpochMilli()));
            } catch (RuntimeException e) {
                throw new IOException(file + ":" + (n + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static RoadUserKind kind(String label) {
        return RoadUserKind.valueOf(label.toUpperCase(Locale.ROOT));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
