package org.trafficsafety.tools.analyze;

import java.time.Instant;
import java.util.Locale;

/** Formatting shared by the CSV reports: fixed decimals and ISO-8601 UTC, so the same input gives the same bytes. */
final class Csv {

    private Csv() {
    }

    static String time(long epochMs) {
        return Instant.ofEpochMilli(epochMs).toString();
    }

    /** An optional time: empty when the measure was not observed (its value NaN). */
    static String time(long epochMs, double measure) {
        return Double.isNaN(measure) ? "" : time(epochMs);
    }

    static String number(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
