package org.trafficsafety.analysis;

/** Conflict type by heading difference at the minimum measure: rear-end &lt; 30°, angle 30–85°, crossing 85–150°, opposing &gt; 150°. */
public enum ConflictType {
    REAR_END("rear_end"), ANGLE("angle"), CROSSING("crossing"), OPPOSING("opposing");

    private final String label;

    ConflictType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ConflictType ofHeadingDifference(double degrees) {
        double d = Math.abs(degrees) % 360.0;
        if (d > 180.0) {
            d = 360.0 - d;
        }
        if (d < 30.0) {
            return REAR_END;
        }
        if (d <= 85.0) {
            return ANGLE;
        }
        if (d <= 150.0) {
            return CROSSING;
        }
        return OPPOSING;
    }
}
