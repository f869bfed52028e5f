package org.trafficsafety.simulation;

/** A simulated vehicle's exact state and driver; mutable, owned by one {@link IntersectionSim}. */
final class Vehicle {

    static final int UNDECIDED = 0;
    static final int STOP = 1;
    static final int GO = 2;

    final long id;
    final Layout.Movement mv;
    final double length;
    final double width;
    final double maxAccel;
    final double comfortDecel;
    final double minGap;
    final int emitPhase;
    double desiredSpeed;
    double timeGap;

    double s;
    double v;
    double acc;

    RiskyBehaviour behaviour;
    boolean runsRed;
    boolean redDecided;
    int yellowDecision = UNDECIDED;
    boolean nonYield;
    boolean yieldDecided;
    boolean crossedStop;
    long crossedStopAtMs;
    /** Since when the vehicle has stood still inside the box (MapData layouts' gridlock guard), or -1. */
    long standingInBoxSinceMs = -1;
    /** Released by the gridlock guard: clears the box without waiting for gaps or crossing vehicles. */
    boolean gridlockReleased;

    double forcedDecel;
    long forcedUntilMs;
    Vehicle phantomLeader;
    double phantomS;
    double phantomV;
    long phantomAtMs;
    long reactUntilMs;
    Vehicle tailgatingLeader;

    Vehicle leader;
    double leaderGap;

    int msgCnt;
    double noiseX = Double.NaN;
    double noiseY = Double.NaN;

    Vehicle(long id, Layout.Movement mv, double length, double width, double desiredSpeed, double timeGap, double minGap,
            double maxAccel, double comfortDecel, int emitPhase, int msgCnt) {
        this.id = id;
        this.mv = mv;
        this.length = length;
        this.width = width;
        this.desiredSpeed = desiredSpeed;
        this.timeGap = timeGap;
        this.minGap = minGap;
        this.maxAccel = maxAccel;
        this.comfortDecel = comfortDecel;
        this.emitPhase = emitPhase;
        this.msgCnt = msgCnt;
    }

    double front() {
        return s + length / 2;
    }

    double rear() {
        return s - length / 2;
    }

    double x() {
        return mv.path.x(s);
    }

    double y() {
        return mv.path.y(s);
    }

    double theta() {
        return mv.path.theta(s);
    }

    /** Yaw rate, rad/s counter-clockwise. */
    double yawRate() {
        return v * mv.path.curvature(s);
    }

    boolean isTruck() {
        return length > 7;
    }
}
