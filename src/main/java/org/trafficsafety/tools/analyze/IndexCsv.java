package org.trafficsafety.tools.analyze;

import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;

import org.trafficsafety.analysis.MinuteFeatures;
import org.trafficsafety.analysis.SafetyIndexRow;
import org.trafficsafety.analysis.index.NormalizationConstants;

/**
 * {@code indices.csv}: one row per intersection and minute with every feature, index and {@code _eb} value and
 * the normalization constants used. Speeds m/s; indices 0–100; timestamp = start of the UTC minute.
 */
final class IndexCsv {

    static final String HEADER = "timestamp,intersection_id,traffic_volume,vru_count,avg_speed,speed_std,"
            + "hard_braking_count,vehicle_event_count,vru_event_count,"
            + "vru_index,vehicle_index,combined_index,vru_index_eb,vehicle_index_eb,combined_index_eb,"
            + "hour_of_day,day_of_week,formula_version,constants_id,"
            + "vru_conflict_ref,vehicle_conflict_ref,volume_ref,speed_ref,speed_std_ref,hard_braking_ref";

    static final Comparator<SafetyIndexRow> ORDER = Comparator.comparingLong(SafetyIndexRow::minuteStartMs)
            .thenComparingInt(SafetyIndexRow::intersectionId);

    private IndexCsv() {
    }

    static void write(List<SafetyIndexRow> rows, NormalizationConstants constants, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        String refs = String.join(",",
                Csv.number(constants.vruConflictRef(), 4),
                Csv.number(constants.vehicleConflictRef(), 4),
                Csv.number(constants.volumeRef(), 4),
                Csv.number(constants.speedRef(), 4),
                Csv.number(constants.speedStdRef(), 4),
                Csv.number(constants.hardBrakingRef(), 4));
        for (SafetyIndexRow r : rows.stream().sorted(ORDER).toList()) {
            MinuteFeatures f = r.features();
            out.write(String.join(",",
                    Csv.time(f.minuteStartMs()),
                    Integer.toString(f.intersectionId()),
                    Integer.toString(f.trafficVolume()),
                    Integer.toString(f.vruCount()),
                    Csv.number(f.avgSpeedMps(), 3),
                    Csv.number(f.speedStdMps(), 3),
                    Integer.toString(f.hardBrakingCount()),
                    Integer.toString(f.vehicleEventCount()),
                    Integer.toString(f.vruEventCount()),
                    Csv.number(r.vruIndex(), 3),
                    Csv.number(r.vehicleIndex(), 3),
                    Csv.number(r.combinedIndex(), 3),
                    Csv.number(r.vruIndexEb(), 3),
                    Csv.number(r.vehicleIndexEb(), 3),
                    Csv.number(r.combinedIndexEb(), 3),
                    Integer.toString(r.hourOfDay()),
                    Integer.toString(r.dayOfWeek()),
                    r.formulaVersion(),
                    Long.toString(r.constantsId()),
                    refs));
            out.write('\n');
        }
    }
}
