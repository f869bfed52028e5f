package org.trafficsafety.analysis.geometry;

/** Plane geometry of line segments, in a local metric frame. */
public final class Segments {

    private Segments() {
    }

    /** Squared distance from point p to the segment from a to b (a point when a = b). */
    public static double distanceSq(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSq = dx * dx + dy * dy;
        double t = lengthSq == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / lengthSq;
        t = Math.max(0, Math.min(1, t));
        double ex = px - (ax + t * dx);
        double ey = py - (ay + t * dy);
        return ex * ex + ey * ey;
    }
}
