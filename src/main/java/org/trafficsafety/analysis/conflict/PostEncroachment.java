package org.trafficsafety.analysis.conflict;

import org.trafficsafety.analysis.track.Motion;
import org.trafficsafety.analysis.track.Track;

/**
 * Post-encroachment time of one road user (a) entering the recent path of another (b), bodies as discs
 * (design section 6, "PET"; docs/methodology.md): along a's smoothed path since its previous sample, the time
 * since b's body last covered the spot a's body occupies, where b has left it, the paths cross at the minimum
 * angle and really cross (not side by side). Not thread-safe: it reuses its state, and the last measurement is
 * in its fields.
 */
final class PostEncroachment {

    /**
     * Paths of two users that are not turning stay parallel only up to heading noise: PET is skipped when their
     * headings are this much below the minimum path angle.
     */
    private static final double PARALLEL_MARGIN_DEG = 10.0;
    /** b's path is examined the two radii (plus 1 m) either side of its passage, at most this long, in steps. */
    private static final long MAX_PATH_SPAN_MS = 3_000;
    private static final long PATH_STEP_MS = 250;

    private final ConflictParameters parameters;
    private final Motion entering = new Motion();
    private final Motion other = new Motion();
    private final Motion past = new Motion();
    private final Motion probe = new Motion();

    /** The smallest gap of the last measurement, s, the moment of it, and the pair's state then. */
    double gapS;
    long atMs;
    double headingDifferenceDeg;
    double midEastM;
    double midNorthM;
    double enteringSpeedMps;
    double otherSpeedMps;

    PostEncroachment(ConflictParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * Cheap necessary conditions for a PET flag of a entering b's recent path: a moved, the paths may cross at
     * the minimum angle, and the two paths over the window come within the bodies' reach of each other (each
     * path stays within its recent maximum speed times the window of the current position).
     */
    boolean possible(RoadUser a, Motion motionA, RoadUser b, Motion motionB, double enteringS, double distance2) {
        if (a.track.recentMaxSpeedMps() < parameters.petMinSpeedMps()) {
            return false;
        }
        if (a.track.yawRateRadS() == 0 && b.track.yawRateRadS() == 0) {
            double angle = Math.abs(Track.angleDifference(motionA.headingDeg(), motionB.headingDeg()));
            if (angle > 90) {
                angle = 180 - angle;
            }
            if (angle < parameters.petMinPathAngleDeg() - PARALLEL_MARGIN_DEG) {
                return false;
            }
        }
        double window = enteringS + parameters.petThresholdS(a.isVru() || b.isVru());
        double reach = a.track.recentMaxSpeedMps() * enteringS + b.track.recentMaxSpeedMps() * window
                + a.petRadiusM() + b.petRadiusM();
        return distance2 <= reach * reach;
    }

    /**
     * Measures the smallest gap of a entering b's recent path along a's path over [fromMs, t] (in PET steps,
     * t included); true when it is within thresholdS (the result is then in the fields).
     */
    boolean measure(RoadUser a, RoadUser b, long fromMs, long t, double thresholdS) {
        long step = parameters.petStepMs();
        long from = Math.min(t, fromMs);
        long windowMs = Math.round(thresholdS * 1000.0);
        double radius = a.petRadiusM() + b.petRadiusM();
        double minAngle = parameters.petMinPathAngleDeg();
        gapS = Double.POSITIVE_INFINITY;
        for (long tau = from; ; tau = Math.min(t, tau + step)) {
            a.track.stateAt(tau, entering);
            if (entering.speedMps() >= parameters.petMinSpeedMps() && b.track.covers(tau)) {
                b.track.stateAt(tau, other);
                double x = entering.eastM();
                double y = entering.northM();
                boolean otherStillThere = Footprints.discsOverlap(x, y, a.petRadiusM(), other.eastM(), other.northM(),
                        b.petRadiusM());
                long s = otherStillThere ? Track.NO_TIME : b.track.latestTimeWithin(x, y, radius, tau - windowMs, tau);
                if (s != Track.NO_TIME) {
                    b.track.stateAt(s, past);
                    double headingDiff = Track.angleDifference(entering.headingDeg(), past.headingDeg());
                    double pathAngle = Math.abs(headingDiff);
                    if (pathAngle > 90) {
                        pathAngle = 180 - pathAngle;
                    }
                    double gap = (tau - s) / 1000.0;
                    if (pathAngle >= minAngle && gap < gapS && pathsCross(a, b, s)) {
                        gapS = gap;
                        atMs = tau;
                        headingDifferenceDeg = headingDiff;
                        midEastM = (x + past.eastM()) / 2;
                        midNorthM = (y + past.northM()) / 2;
                        enteringSpeedMps = entering.speedMps();
                        otherSpeedMps = past.speedMps();
                    }
                }
            }
            if (tau >= t) {
                break;
            }
        }
        return gapS <= thresholdS;
    }

    /**
     * True when a's line of travel through its current spot (its heading, as far before and after as the two
     * PET radii) crosses b's path around time s (as far either side as the radii plus a metre). Users passing
     * side by side — a car turning away beside one going straight, a pedestrian beside a turning car — come
     * within the PET radii without their paths crossing; that is proximity, not encroachment.
     */
    private boolean pathsCross(RoadUser a, RoadUser b, long s) {
        double reach = a.petRadiusM() + b.petRadiusM();
        double ax = entering.eastM();
        double ay = entering.northM();
        double ue = entering.sinHeading() * reach;
        double un = entering.cosHeading() * reach;
        long spanMs = Math.min(MAX_PATH_SPAN_MS, Math.round(1000 * (reach + 1.0) / Math.max(past.speedMps(), 0.5)));
        long from = Math.max(s - spanMs, b.track.firstTimeMs());
        long to = Math.min(s + spanMs, b.track.lastTimeMs() + parameters.track().maxExtrapolationMs());
        b.track.stateAt(from, probe);
        double px = probe.eastM();
        double py = probe.northM();
        for (long at = Math.min(from + PATH_STEP_MS, to); ; at = Math.min(at + PATH_STEP_MS, to)) {
            b.track.stateAt(at, probe);
            if (segmentsIntersect(ax - ue, ay - un, ax + ue, ay + un, px, py, probe.eastM(), probe.northM())) {
                return true;
            }
            if (at >= to) {
                return false;
            }
            px = probe.eastM();
            py = probe.northM();
        }
    }

    private static boolean segmentsIntersect(double x1, double y1, double x2, double y2,
                                             double x3, double y3, double x4, double y4) {
        double d1 = cross(x3, y3, x4, y4, x1, y1);
        double d2 = cross(x3, y3, x4, y4, x2, y2);
        double d3 = cross(x1, y1, x2, y2, x3, y3);
        double d4 = cross(x1, y1, x2, y2, x4, y4);
        return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0));
    }

    /** z of (b - a) x (c - a). */
    private static double cross(double ax, double ay, double bx, double by, double cx, double cy) {
        return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    }
}
