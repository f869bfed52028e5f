package org.trafficsafety.analysis.conflict;

/**
 * Overlap tests of road-user bodies: oriented rectangles (vehicles) by the separating-axis theorem, discs (VRUs).
 * A heading is passed as its sine and cosine (clockwise from north): forward = (sin, cos), right = (cos, -sin).
 */
final class Footprints {

    private Footprints() {
    }

    static boolean rectanglesOverlap(double e1, double n1, double sin1, double cos1, double halfL1, double halfW1,
                                     double e2, double n2, double sin2, double cos2, double halfL2, double halfW2) {
        double de = e2 - e1;
        double dn = n2 - n1;
        return !separatedAlong(sin1, cos1, de, dn, sin1, cos1, halfL1, halfW1, sin2, cos2, halfL2, halfW2)
                && !separatedAlong(cos1, -sin1, de, dn, sin1, cos1, halfL1, halfW1, sin2, cos2, halfL2, halfW2)
                && !separatedAlong(sin2, cos2, de, dn, sin1, cos1, halfL1, halfW1, sin2, cos2, halfL2, halfW2)
                && !separatedAlong(cos2, -sin2, de, dn, sin1, cos1, halfL1, halfW1, sin2, cos2, halfL2, halfW2);
    }

    /** True when the projections of both rectangles on axis (ae, an) do not overlap. */
    private static boolean separatedAlong(double ae, double an, double de, double dn,
                                          double sin1, double cos1, double halfL1, double halfW1,
                                          double sin2, double cos2, double halfL2, double halfW2) {
        double distance = Math.abs(de * ae + dn * an);
        double r1 = halfL1 * Math.abs(sin1 * ae + cos1 * an) + halfW1 * Math.abs(cos1 * ae - sin1 * an);
        double r2 = halfL2 * Math.abs(sin2 * ae + cos2 * an) + halfW2 * Math.abs(cos2 * ae - sin2 * an);
        return distance > r1 + r2;
    }

    static boolean rectangleDiscOverlap(double e1, double n1, double sin1, double cos1, double halfL, double halfW,
                                        double e2, double n2, double radius) {
        double de = e2 - e1;
        double dn = n2 - n1;
        double along = de * sin1 + dn * cos1;
        double across = de * cos1 - dn * sin1;
        double outAlong = Math.max(0, Math.abs(along) - halfL);
        double outAcross = Math.max(0, Math.abs(across) - halfW);
        return outAlong * outAlong + outAcross * outAcross <= radius * radius;
    }

    static boolean discsOverlap(double e1, double n1, double r1, double e2, double n2, double r2) {
        double de = e2 - e1;
        double dn = n2 - n1;
        double r = r1 + r2;
        return de * de + dn * dn <= r * r;
    }
}
