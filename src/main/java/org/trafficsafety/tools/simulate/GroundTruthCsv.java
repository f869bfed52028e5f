package org.trafficsafety.tools.simulate;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.trafficsafety.analysis.ConflictType;
import org.trafficsafety.simulation.RiskyBehaviour;

import org.trafficsafety.message.TemporaryId;
import org.trafficsafety.simulation.GroundTruthConflict;

/**
 * The ground-truth conflict log beside a simulated message file: one CSV row per conflict that really happened
 * (grade {@code clear} or {@code marginal}) and per near-miss (grade {@code near}), see {@link GroundTruthConflict.Grade}.
 */
public final class GroundTruthCsv implements AutoCloseable {

    public static final String HEADER = "time,start_time,end_time,intersection_id,behaviour,expected_type,"
            + "first_user_id,first_user_id_hex,first_user_kind,second_user_id,second_user_id_hex,second_user_kind,"
            + "min_ttc_s,min_pet_s,latitude,longitude,grade";

    private final Writer out;

    public GroundTruthCsv(Writer out) throws IOException {
        this.out = out;
        LogCsv.writeHeader(out, HEADER);
    }

    public void write(GroundTruthConflict c) {
        LogCsv.writeRow(out,
                Instant.ofEpochMilli(c.timeMs()).toString(),
                Instant.ofEpochMilli(c.startMs()).toString(),
                Instant.ofEpochMilli(c.endMs()).toString(),
                Integer.toString(c.intersectionId()),
                c.kind().name().toLowerCase(Locale.ROOT),
                c.expectedType().label(),
                TemporaryId.decimal(c.firstId()),
                TemporaryId.hex(c.firstId()),
                c.firstKind().label(),
                TemporaryId.decimal(c.secondId()),
                TemporaryId.hex(c.secondId()),
                c.secondKind().label(),
                number(c.minTtcS()),
                number(c.minPetS()),
                String.format(Locale.ROOT, "%.7f", c.latitude()),
                String.format(Locale.ROOT, "%.7f", c.longitude()),
                c.grade().label());
    }

    /** Reads a log written by this class back (for scoring a detector against it). */
    public static List<GroundTruthConflict> read(Path file) throws IOException {
        return LogCsv.read(file, HEADER, "ground-truth log", f -> new GroundTruthConflict(Integer.parseInt(f[3]),
                Long.parseUnsignedLong(f[6]), LogCsv.kind(f[8]), Long.parseUnsignedLong(f[9]), LogCsv.kind(f[11]),
                RiskyBehaviour.valueOf(f[4].toUpperCase(Locale.ROOT)), type(f[5]), Instant.parse(f[0]).toEpochMilli(),
                Double.parseDouble(f[14]), Double.parseDouble(f[15]), Instant.parse(f[1]).toEpochMilli(),
                Instant.parse(f[2]).toEpochMilli(), optional(f[12]), optional(f[13]),
                GroundTruthConflict.Grade.valueOf(f[16].toUpperCase(Locale.ROOT))));
    }

    private static ConflictType type(String label) {
        for (ConflictType t : ConflictType.values()) {
            if (t.label().equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown conflict type '" + label + "'");
    }

    private static double optional(String v) {
        return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
