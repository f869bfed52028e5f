package org.trafficsafety.tools.analyze;

import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;

import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.message.TemporaryId;

/** {@code conflicts.csv}: one row per conflict event. Units: seconds, m/s, degrees; times ISO-8601 UTC. */
final class ConflictCsv {

    static final String HEADER = "start_time,end_time,intersection_id,conflict_type,"
            + "first_user_id,first_user_id_hex,first_user_kind,second_user_id,second_user_id_hex,second_user_kind,"
            + "min_ttc_s,min_ttc_time,min_pet_s,min_pet_time,latitude,longitude,first_speed_mps,second_speed_mps";

    /** Report order: by start, then intersection, then pair. */
    static final Comparator<ConflictEvent> ORDER = Comparator.comparingLong(ConflictEvent::startMs)
            .thenComparingInt(ConflictEvent::intersectionId)
            .thenComparing(ConflictEvent::firstId, Long::compareUnsigned)
            .thenComparing(ConflictEvent::secondId, Long::compareUnsigned);

    private ConflictCsv() {
    }

    static void write(List<ConflictEvent> events, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (ConflictEvent e : events.stream().sorted(ORDER).toList()) {
            out.write(String.join(",",
                    Csv.time(e.startMs()),
                    Csv.time(e.endMs()),
                    Integer.toString(e.intersectionId()),
                    e.type().label(),
                    TemporaryId.decimal(e.firstId()),
                    TemporaryId.hex(e.firstId()),
                    e.firstKind().label(),
                    TemporaryId.decimal(e.secondId()),
                    TemporaryId.hex(e.secondId()),
                    e.secondKind().label(),
                    Csv.number(e.minTtcS(), 2),
                    Csv.time(e.minTtcAtMs(), e.minTtcS()),
                    Csv.number(e.minPetS(), 2),
                    Csv.time(e.minPetAtMs(), e.minPetS()),
                    Csv.number(e.latitude(), 7),
                    Csv.number(e.longitude(), 7),
                    Csv.number(e.firstSpeedMps(), 2),
                    Csv.number(e.secondSpeedMps(), 2)));
            out.write('\n');
        }
    }
}
