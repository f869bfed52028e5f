package org.trafficsafety.analysis.geometry;

/**
 * A local metric frame around an intersection's reference point: x = metres east, y = metres north.
 * Equirectangular projection on the WGS-84 mean radius; within a few hundred metres its error is far below
 * GPS noise (millimetres).
 */
public final class LocalFrame {

    private static final double EARTH_RADIUS_M = 6_371_008.8;
    private static final double M_PER_DEG_LAT = Math.PI * EARTH_RADIUS_M / 180.0;

    private final double refLatitude;
    private final double refLongitude;
    private final double mPerDegLon;

    public LocalFrame(double refLatitude, double refLongitude) {
        this.refLatitude = refLatitude;
        this.refLongitude = refLongitude;
        this.mPerDegLon = M_PER_DEG_LAT * Math.cos(Math.toRadians(refLatitude));
    }

    public double refLatitude() {
        return refLatitude;
    }

    public double refLongitude() {
        return refLongitude;
    }

    /** Metres east of the reference point. */
    public double east(double longitude) {
        return (longitude - refLongitude) * mPerDegLon;
    }

    /** Metres north of the reference point. */
    public double north(double latitude) {
        return (latitude - refLatitude) * M_PER_DEG_LAT;
    }

    public double latitude(double northM) {
        return refLatitude + northM / M_PER_DEG_LAT;
    }

    public double longitude(double eastM) {
        return refLongitude + eastM / mPerDegLon;
    }
}
