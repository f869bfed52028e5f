package org.trafficsafety.tools.simulate;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
        LogCsv.writeHeader(out, HEADER);
    }

    public void write(BenignPassing p) {
        LogCsv.writeRow(out,
                Instant.ofEpochMilli(p.startMs()).toString(),
                Instant.ofEpochMilli(p.endMs()).toString(),
                Integer.toString(p.intersectionId()),
                p.situation().name().toLowerCase(Locale.ROOT),
                TemporaryId.decimal(p.firstId()),
                p.firstKind().label(),
                TemporaryId.decimal(p.secondId()),
                p.secondKind().label());
    }

    /** Reads a log written by this class back. */
    public static List<BenignPassing> read(Path file) throws IOException {
        return LogCsv.read(file, HEADER, "passings log", f -> new BenignPassing(Integer.parseInt(f[2]),
                Long.parseUnsignedLong(f[4]), LogCsv.kind(f[5]), Long.parseUnsignedLong(f[6]), LogCsv.kind(f[7]),
                BenignPassing.Situation.valueOf(f[3].toUpperCase(Locale.ROOT)), Instant.parse(f[0]).toEpochMilli(),
                Instant.parse(f[1]).toEpochMilli()));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
