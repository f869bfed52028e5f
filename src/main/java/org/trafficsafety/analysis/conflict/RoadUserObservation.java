package org.trafficsafety.analysis.conflict;

import org.trafficsafety.analysis.RoadUserKind;

/**
 * One sample of a road user in the intersection's local frame (x east, y north, metres). NaN = unavailable.
 *
 * @param id          TemporaryID (unsigned 32-bit); a vehicle and a VRU with the same id are different users
 * @param timeMs      event time, epoch ms UTC
 * @param speedMps    reported speed, m/s
 * @param headingDeg  reported heading, degrees clockwise from north
 * @param yawRateDegS reported yaw rate, deg/s, positive clockwise
 * @param accelLonMps2 reported longitudinal acceleration (BSM accelSet.long), m/s^2
 * @param lengthM     vehicle length (BSM), m; ignored for VRUs
 * @param widthM      vehicle width (BSM), m; ignored for VRUs
 */
public record RoadUserObservation(long id, RoadUserKind kind, long timeMs, double eastM, double northM,
                                  double speedMps, double headingDeg, double yawRateDegS, double accelLonMps2,
                                  double lengthM, double widthM) {

    public RoadUserObservation {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null (user " + id + ")");
        }
        if (!Double.isFinite(eastM) || !Double.isFinite(northM)) {
            throw new IllegalArgumentException("position of user " + id + " must be finite, was " + eastM + ", " + northM);
        }
    }
}
