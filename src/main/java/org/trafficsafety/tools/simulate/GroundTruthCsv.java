package org.trafficsafety.tools.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Locale;

import org.trafficsafety.simulation.GroundTruthConflict;

/** The ground-truth conflict log beside a simulated message file: one CSV row per conflict that really happened. */
public final class GroundTruthCsv implements AutoCloseable {

    public static final String HEADER = "time,start_time,end_time,intersection_id,behaviour,expected_type,"
            + "first_user_id,first_user_id_hex,first_user_kind,second_user_id,second_user_id_hex,second_user_kind,"
            + "min_ttc_s,min_pet_s,latitude,longitude";

    private final Writer out;

    public GroundTruthCsv(Writer out) throws IOException {
        this.out = out;
        out.write(HEADER);
        out.write('\n');
    }

    public void write(GroundTruthConflict c) {
        try {
            out.write(String.join(",",
                    Instant.ofEpochMilli(c.timeMs()).toString(),
                    Instant.ofEpochMilli(c.startMs()).toString(),
                    Instant.ofEpochMilli(c.endMs()).toString(),
                    Integer.toString(c.intersectionId()),
                    c.kind().name().toLowerCase(Locale.ROOT),
                    c.expectedType().label(),
                    Long.toUnsignedString(c.firstId()),
                    String.format(Locale.ROOT, "%08X", c.firstId()),
                    c.firstKind().label(),
                    Long.toUnsignedString(c.secondId()),
                    String.format(Locale.ROOT, "%08X", c.secondId()),
                    c.secondKind().label(),
                    number(c.minTtcS()),
                    number(c.minPetS()),
                    String.format(Locale.ROOT, "%.7f", c.latitude()),
                    String.format(Locale.ROOT, "%.7f", c.longitude())));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
