package org.trafficsafety.analysis.track;

/**
 * Constant speed and turn rate (CTRV) motion in the local frame. Headings are degrees clockwise from north
 * (J2735), so east velocity is v sin(h) and north velocity v cos(h); a positive yaw rate turns clockwise.
 * Mutable on purpose: predictions run 10^6 times a second and must not allocate.
 */
public final class Motion {

    private static final double STRAIGHT_YAW_RAD_S = 1e-4;

    private double eastM;
    private double northM;
    private double sinHeading;
    private double cosHeading;
    private double speedMps;
    private double yawRateRadS;
    private double stepSin;
    private double stepCos;
    private double stepS = Double.NaN;
    /** Heading at the start, degrees; valid until a turning advance changes the heading. */
    private double startHeadingDeg;
    private boolean turned;

    /** Sets the starting state. */
    public void start(double eastM, double northM, double headingDeg, double speedMps, double yawRateRadS) {
        this.eastM = eastM;
        this.northM = northM;
        double h = Math.toRadians(headingDeg);
        this.sinHeading = Math.sin(h);
        this.cosHeading = Math.cos(h);
        this.speedMps = speedMps;
        this.yawRateRadS = yawRateRadS;
        this.stepS = Double.NaN;
        this.startHeadingDeg = headingDeg;
        this.turned = false;
    }

    /** Sets the starting state with the heading's sine and cosine already known (no trigonometry). */
    public void start(double eastM, double northM, double sinHeading, double cosHeading, double headingDeg,
                      double speedMps, double yawRateRadS) {
        this.eastM = eastM;
        this.northM = northM;
        this.sinHeading = sinHeading;
        this.cosHeading = cosHeading;
        this.speedMps = speedMps;
        this.yawRateRadS = yawRateRadS;
        this.stepS = Double.NaN;
        this.startHeadingDeg = headingDeg;
        this.turned = false;
    }

    /** Makes this motion a copy of another. */
    public void copyFrom(Motion other) {
        eastM = other.eastM;
        northM = other.northM;
        sinHeading = other.sinHeading;
        cosHeading = other.cosHeading;
        speedMps = other.speedMps;
        yawRateRadS = other.yawRateRadS;
        stepS = Double.NaN;
        startHeadingDeg = other.startHeadingDeg;
        turned = other.turned;
    }

    /** Advances by dtS seconds; repeated steps of the same length reuse one sine/cosine pair. */
    public void advance(double dtS) {
        if (Math.abs(yawRateRadS) < STRAIGHT_YAW_RAD_S) {
            eastM += speedMps * dtS * sinHeading;
            northM += speedMps * dtS * cosHeading;
            return;
        }
        if (dtS != stepS) {
            double turn = yawRateRadS * dtS;
            stepSin = Math.sin(turn);
            stepCos = Math.cos(turn);
            stepS = dtS;
        }
        double newSin = sinHeading * stepCos + cosHeading * stepSin;
        double newCos = cosHeading * stepCos - sinHeading * stepSin;
        double radius = speedMps / yawRateRadS;
        eastM += radius * (cosHeading - newCos);
        northM += radius * (newSin - sinHeading);
        sinHeading = newSin;
        cosHeading = newCos;
        turned = true;
    }

    public double eastM() {
        return eastM;
    }

    public double northM() {
        return northM;
    }

    public double sinHeading() {
        return sinHeading;
    }

    public double cosHeading() {
        return cosHeading;
    }

    public double speedMps() {
        return speedMps;
    }

    public double eastVelocityMps() {
        return speedMps * sinHeading;
    }

    public double northVelocityMps() {
        return speedMps * cosHeading;
    }

    /** Current heading, degrees clockwise from north in [0, 360). */
    public double headingDeg() {
        if (!turned) {
            return startHeadingDeg;
        }
        double d = Math.toDegrees(Math.atan2(sinHeading, cosHeading));
        return d < 0 ? d + 360.0 : d;
    }
}
