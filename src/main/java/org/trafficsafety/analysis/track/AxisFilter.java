package org.trafficsafety.analysis.track;

/**
 * A constant-velocity Kalman filter on one axis: state (position, velocity), covariance kept as three numbers.
 * Two of them (east, north) make a track; per-axis filters are exact here because the noise is isotropic.
 */
final class AxisFilter {

    private double position;
    private double velocity;
    private double varPos;
    private double covPosVel;
    private double varVel;

    void reset(double positionM, double velocityMps, double positionVariance, double velocityVariance) {
        position = positionM;
        velocity = velocityMps;
        varPos = positionVariance;
        covPosVel = 0;
        varVel = velocityVariance;
    }

    /** Carries the state forward by dtS seconds under white acceleration of spectral density q. */
    void predict(double dtS, double q) {
        double dt2 = dtS * dtS;
        position += velocity * dtS;
        varPos += 2 * dtS * covPosVel + dt2 * varVel + q * dt2 * dtS / 3;
        covPosVel += dtS * varVel + q * dt2 / 2;
        varVel += q * dtS;
    }

    /**
     * Carries the position forward by a known displacement (dead reckoning from reported velocities) whose error
     * has the given variance; the velocity becomes the reported one with its variance.
     */
    void carry(double displacementM, double displacementVariance, double velocityMps, double velocityVariance) {
        position += displacementM;
        varPos += displacementVariance;
        covPosVel = 0;
        velocity = velocityMps;
        varVel = velocityVariance;
    }

    /** Variance of the innovation of a position measurement with variance r. */
    double positionInnovationVariance(double r) {
        return varPos + r;
    }

    void updatePosition(double measuredM, double r) {
        double s = varPos + r;
        double kPos = varPos / s;
        double kVel = covPosVel / s;
        double innovation = measuredM - position;
        position += kPos * innovation;
        velocity += kVel * innovation;
        double newVarVel = varVel - kVel * covPosVel;
        double newCov = covPosVel - kPos * covPosVel;
        varPos -= kPos * varPos;
        covPosVel = newCov;
        varVel = newVarVel;
    }

    void updateVelocity(double measuredMps, double r) {
        double s = varVel + r;
        double kPos = covPosVel / s;
        double kVel = varVel / s;
        double innovation = measuredMps - velocity;
        position += kPos * innovation;
        velocity += kVel * innovation;
        double newVarPos = varPos - kPos * covPosVel;
        double newCov = covPosVel - kPos * varVel;
        varVel -= kVel * varVel;
        varPos = newVarPos;
        covPosVel = newCov;
    }

    double positionVariance() {
        return varPos;
    }

    double position() {
        return position;
    }

    double velocity() {
        return velocity;
    }
}
