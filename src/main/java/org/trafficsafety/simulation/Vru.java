package org.trafficsafety.simulation;

import org.trafficsafety.message.VruType;

/** A simulated pedestrian or cyclist on a sidewalk/crosswalk route; mutable, owned by one {@link IntersectionSim}. */
final class Vru {

    final long id;
    final VruType type;
    final Layout.VruRoute route;
    final double desiredSpeed;
    final int emitPhase;

    double s;
    double v;
    boolean started;
    boolean lateDecided;
    boolean lateStart;

    int msgCnt;
    double noiseX = Double.NaN;
    double noiseY = Double.NaN;

    Vru(long id, VruType type, Layout.VruRoute route, double desiredSpeed, int emitPhase, int msgCnt) {
        this.id = id;
        this.type = type;
        this.route = route;
        this.desiredSpeed = desiredSpeed;
        this.v = desiredSpeed;
        this.emitPhase = emitPhase;
        this.msgCnt = msgCnt;
    }

    double x() {
        return route.path().x(s);
    }

    double y() {
        return route.path().y(s);
    }

    double theta() {
        return route.path().theta(s);
    }

    boolean crosses() {
        return route.crosswalk() >= 0;
    }

    boolean onCrosswalk() {
        return crosses() && s > route.sCrossStart() && s < route.sCrossEnd();
    }

    /** Position across the crosswalk (metres along the crosswalk's axis). */
    double lambda() {
        return route.lambda(x(), y());
    }
}
