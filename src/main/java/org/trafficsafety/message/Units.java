package org.trafficsafety.message;

/**
 * J2735 units and "unavailable" codes. Raw values are the J2735 integers (ODE schemaVersion 9); scaled values
 * are SI (VCC, ODE 6/8), where the raw unavailable code sometimes still appears, unscaled (ODE
 * {@code accelLat: 2001}) or scaled (20.01): both read as unavailable (NaN).
 */
final class Units {

    // Raw units per SI unit; dividing by them (not multiplying by 0.02) keeps results the nearest double to
    // the decimal value (8898 / 80 = 111.225, where 8898 * 0.0125 = 111.22500000000001).
    static final double SPEED_UNITS_PER_MPS = 50.0;
    static final double HEADING_UNITS_PER_DEG = 80.0;
    static final double ACCEL_UNITS_PER_MPS2 = 100.0;
    static final double YAW_UNITS_PER_DEG_S = 100.0;

    static final long LATITUDE_UNAVAILABLE = 900_000_001L;
    static final long LONGITUDE_UNAVAILABLE = 1_800_000_001L;
    static final long ELEVATION_UNAVAILABLE = -4096L;
    static final long SPEED_UNAVAILABLE = 8191L;
    static final long HEADING_UNAVAILABLE = 28800L;
    static final long ACCEL_UNAVAILABLE = 2001L;

    private static final double EPS = 1e-9;
    private static final VruType[] VRU_TYPES = VruType.values();

    private Units() {
    }

    static double scaledLatitude(double v) {
        return isCode(v, LATITUDE_UNAVAILABLE, 90.0000001) ? Double.NaN : v;
    }

    static double scaledLongitude(double v) {
        return isCode(v, LONGITUDE_UNAVAILABLE, 180.0000001) ? Double.NaN : v;
    }

    static double scaledElevation(double v) {
        return isCode(v, ELEVATION_UNAVAILABLE, -409.6) ? Double.NaN : v;
    }

    static double scaledSpeed(double v) {
        return isCode(v, SPEED_UNAVAILABLE, 163.82) ? Double.NaN : v;
    }

    static double scaledHeading(double v) {
        return isCode(v, HEADING_UNAVAILABLE, 360.0) ? Double.NaN : v;
    }

    static double scaledAccel(double v) {
        return isCode(v, ACCEL_UNAVAILABLE, 20.01) ? Double.NaN : v;
    }

    private static boolean isCode(double v, long raw, double scaled) {
        return v == raw || Math.abs(v - scaled) < EPS;
    }

    /** Raw J2735 integer in SI units, or NaN for the unavailable code (or NaN input). */
    static double raw(double v, long unavailable, double unitsPerSi) {
        return v == unavailable ? Double.NaN : v / unitsPerSi;
    }

    static double rawDegrees(double v, long unavailable) {
        // division keeps 1e-7 degree steps exact to the last digit (405659938 -> 40.5659938)
        return v == unavailable ? Double.NaN : v / 1e7;
    }

    static double rawElevation(double v) {
        return v == ELEVATION_UNAVAILABLE ? Double.NaN : v / 10.0;
    }

    static VruType vruType(int code, Decoded s) {
        if (code < 0 || code >= VRU_TYPES.length) {
            s.reject(RejectReason.OUT_OF_RANGE, "basicType outside 0..4");
            return VruType.UNAVAILABLE;
        }
        return VRU_TYPES[code];
    }

    /** ODE's PersonalDeviceUserType names (aPEDESTRIAN, ...), case-insensitively; null if unknown. */
    static VruType vruTypeName(String name) {
        if (name == null) {
            return null;
        }
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "unavailable" -> VruType.UNAVAILABLE;
            case "apedestrian" -> VruType.PEDESTRIAN;
            case "apedalcyclist" -> VruType.CYCLIST;
            case "apublicsafetyworker" -> VruType.PUBLIC_SAFETY_WORKER;
            case "ananimal" -> VruType.ANIMAL;
            default -> null;
        };
    }
}
