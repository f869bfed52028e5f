package org.trafficsafety.analysis.conflict;

import org.trafficsafety.analysis.geometry.Carriageway;
import org.trafficsafety.analysis.track.Motion;

/**
 * TTC of two road users from their current motions: both carried forward at constant speed and turn rate
 * (VRUs have yaw rate 0) in fixed steps; TTC is the first step at which the bodies overlap (0 if they already
 * do). Bounding discs skip the exact test while the bodies are far apart. A vehicle–VRU collision predicted with
 * the VRU off the carriageway does not count. Not thread-safe (reuses its state).
 */
final class TimeToCollision {

    /** Returned when the bodies do not meet within the horizon. */
    static final double NONE = Double.POSITIVE_INFINITY;
    private static final double MIN_HALF_M = 0.1;

    private final Motion first = new Motion();
    private final Motion second = new Motion();
    private double margin;

    /**
     * @param a, b      the users; their motions are copied from ma and mb (which are left untouched)
     * @param marginM   every body is shrunk by this much on each side (a guard against position noise)
     * @param road      where a VRU must be at the predicted collision for it to count
     * @return TTC in seconds, or {@link #NONE}
     */
    double compute(RoadUser a, Motion ma, RoadUser b, Motion mb, double horizonS, double stepS, double marginM, Carriageway road) {
        margin = marginM;
        first.copyFrom(ma);
        second.copyFrom(mb);
        double reach = a.boundingRadiusM() + b.boundingRadiusM();
        double reach2 = reach * reach;
        int steps = (int) Math.floor(horizonS / stepS + 1e-9);
        for (int k = 0; k <= steps; k++) {
            double de = second.eastM() - first.eastM();
            double dn = second.northM() - first.northM();
            if (de * de + dn * dn <= reach2 && overlap(a, b)) {
                return onRoad(a, b, road) ? k * stepS : NONE;
            }
            first.advance(stepS);
            second.advance(stepS);
        }
        return NONE;
    }

    /** For a vehicle and a VRU, whether the VRU's predicted position is on the carriageway; true otherwise. */
    private boolean onRoad(RoadUser a, RoadUser b, Carriageway road) {
        if (a.isVru() == b.isVru()) {
            return true;
        }
        Motion vru = a.isVru() ? first : second;
        return road.contains(vru.eastM(), vru.northM());
    }

    private double shrink(double halfM) {
        return Math.max(MIN_HALF_M, halfM - margin);
    }

    private boolean overlap(RoadUser a, RoadUser b) {
        if (!a.isVru() && !b.isVru()) {
            return Footprints.rectanglesOverlap(first.eastM(), first.northM(), first.sinHeading(), first.cosHeading(),
                    shrink(a.halfLengthM), shrink(a.halfWidthM), second.eastM(), second.northM(), second.sinHeading(),
                    second.cosHeading(), shrink(b.halfLengthM), shrink(b.halfWidthM));
        }
        if (!a.isVru()) {
            return Footprints.rectangleDiscOverlap(first.eastM(), first.northM(), first.sinHeading(), first.cosHeading(),
                    shrink(a.halfLengthM), shrink(a.halfWidthM), second.eastM(), second.northM(), shrink(b.halfLengthM));
        }
        if (!b.isVru()) {
            return Footprints.rectangleDiscOverlap(second.eastM(), second.northM(), second.sinHeading(),
                    second.cosHeading(), shrink(b.halfLengthM), shrink(b.halfWidthM), first.eastM(), first.northM(),
                    shrink(a.halfLengthM));
        }
        return Footprints.discsOverlap(first.eastM(), first.northM(), shrink(a.halfLengthM),
                second.eastM(), second.northM(), shrink(b.halfLengthM));
    }

    /** Rate at which the centres approach each other now, m/s (negative when they separate). */
    static double closingSpeedMps(Motion ma, Motion mb) {
        double de = mb.eastM() - ma.eastM();
        double dn = mb.northM() - ma.northM();
        double ve = mb.eastVelocityMps() - ma.eastVelocityMps();
        double vn = mb.northVelocityMps() - ma.northVelocityMps();
        double distance = Math.sqrt(de * de + dn * dn);
        if (distance < 1e-9) {
            return Math.sqrt(ve * ve + vn * vn);
        }
        return -(de * ve + dn * vn) / distance;
    }
}
