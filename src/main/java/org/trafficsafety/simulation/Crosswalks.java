package org.trafficsafety.simulation;

import java.util.List;
import java.util.SplittableRandom;
import org.trafficsafety.simulation.Layout.CrosswalkCrossing;
import org.trafficsafety.simulation.Layout.Turn;
import org.trafficsafety.simulation.SignalPlan.Walk;

/**
 * Who goes first on a crosswalk: vehicles yield to VRUs crossing (and slow down near them), VRUs step out only on
 * walk and never in front of a committed vehicle, and stop for a vehicle that will not stop; plus the injected
 * non-yielding turns. Shares the road users of one {@link IntersectionSim}.
 */
final class Crosswalks {

    /** A vehicle that would need more than this to stop before a crosswalk goes on; VRUs assume the same. */
    private static final double YIELD_MAX_DECEL = 4.0;
    /** How hard VRUs slow down, m/s^2: a cyclist's firm braking; a walker stops within half a second. */
    private static final double VRU_DECEL_MPS2 = 3.0;

    private final List<Vehicle> vehicles;
    private final List<Vru> vrus;
    private final SignalPlan plan;
    private final SimulationConfig config;
    private final SplittableRandom rng;
    private final Counters counters;

    Crosswalks(List<Vehicle> vehicles, List<Vru> vrus, SignalPlan plan, SimulationConfig config, SplittableRandom rng, Counters counters) {
        this.vehicles = vehicles;
        this.vrus = vrus;
        this.plan = plan;
        this.config = config;
        this.rng = rng;
        this.counters = counters;
    }

    static final int CLEAR = 0;
    private static final int BLOCKED = 1;
    /** Blocked by a VRU that reaches the vehicle's path within about 3 s: where a non-yielding driver makes a conflict. */
    private static final int CLOSE = 2;
    private static final int IN_CORRIDOR = 3;

    /** Whether a VRU on (or stepping onto) the crosswalk is near enough to the vehicle's crossing point to yield to. */
    int crosswalkState(Vehicle v, CrosswalkCrossing c, long tMs) {
        int state = CLEAR;
        boolean committed = committedTo(v, c);
        for (Vru u : vrus) {
            if (u.route.crosswalk() != c.crosswalk() || !(u.onCrosswalk() || (!committed && aboutToCross(u, tMs)))) {
                continue;
            }
            double along = (u.lambda() - c.lambda()) * u.route.lambdaSign();
            if (along > -(5 + 8 * u.desiredSpeed) && along < 2.9 + 2.5 * u.desiredSpeed + v.width / 2) {
                state = Math.max(state, BLOCKED);
            }
            if (u.onCrosswalk() && along > -(2 + 3 * u.desiredSpeed) && along < 1.5 + v.width / 2) {
                state = Math.max(state, CLOSE);
            }
            if (u.onCrosswalk() && Math.abs(u.lambda() - c.lambda()) < v.width / 2 + 1.0) {
                state = IN_CORRIDOR;
            }
        }
        return state;
    }

    double crosswalkTarget(Vehicle v, CrosswalkCrossing c, long tMs) {
        int state = crosswalkState(v, c, tMs);
        if (state == CLEAR) {
            return Double.MAX_VALUE;
        }
        boolean inCorridor = state == IN_CORRIDOR;
        double dist = c.sEdge() - v.front();
        if (!v.yieldDecided && v.mv.turn != Turn.THROUGH && state >= CLOSE && dist < 30 && v.v > 1) {
            v.yieldDecided = true;
            counters.yieldDecisions++;
            if (rng.nextDouble() < config.risk().turnNonYieldProbability()) {
                v.nonYield = true;
                if (v.behaviour == null) {
                    v.behaviour = RiskyBehaviour.TURN_VS_PEDESTRIAN;
                }
                counters.injected[RiskyBehaviour.TURN_VS_PEDESTRIAN.ordinal()]++;
            }
        }
        if (v.nonYield || v.runsRed) {
            return inCorridor ? c.sCentre() - 1.5 : Double.MAX_VALUE;
        }
        boolean farSide = c.leg() != v.mv.approach;
        if (farSide && !v.crossedStop) {
            double toStopLine = v.mv.sStop - v.front();
            if (toStopLine > 0 && v.v * v.v / (2 * toStopLine) <= YIELD_MAX_DECEL) {
                return v.mv.sStop;
            }
        }
        boolean canStop = dist > 0 && v.v * v.v / (2 * dist) <= YIELD_MAX_DECEL;
        return canStop || v.v < 0.5 ? c.sEdge() : (inCorridor ? c.sCentre() - 1.5 : Double.MAX_VALUE);
    }

    /**
     * The speed at which a vehicle approaching a crosswalk with a VRU on it that could reach the vehicle's path keeps
     * more than 3 s from it: drivers slow down near crossing pedestrians even when they will stop anyway.
     */
    double crosswalkSpeedCap(Vehicle v) {
        double cap = Double.MAX_VALUE;
        for (CrosswalkCrossing c : v.mv.crosswalks) {
            double dist = c.sCentre() - v.front();
            if (v.front() > c.sEdge() - 0.3 || dist > 50) {
                continue;
            }
            for (Vru u : vrus) {
                if (u.route.crosswalk() == c.crosswalk() && u.onCrosswalk()
                        && Math.abs(u.lambda() - c.lambda()) < v.width / 2 + 1.5 + 3.2 * u.desiredSpeed) {
                    cap = Math.min(cap, Math.max(0, (dist - 2.0) / 3.3));
                }
            }
        }
        return cap;
    }

    private boolean aboutToCross(Vru u, long tMs) {
        if (!u.crosses() || u.started || u.s < u.route.sCrossStart() - 5) {
            return false;
        }
        Walk w = plan.walk(u.route.walkLeg(), tMs);
        return w == Walk.WALK || (w == Walk.FLASHING_DONT_WALK && u.lateStart);
    }

    /**
     * The VRU's speed for the next step: the speed it wants (see {@link #wantedSpeed}), slowing down at no more than
     * {@link #VRU_DECEL_MPS2} (speeding up at once: a step off the kerb), never past the kerb before it may cross.
     * Nobody stops from 4 m/s within one 0.1 s step; a simulated cyclist who did left TTC conflicts in the ground
     * truth that no 1 Hz PSM could show.
     */
    double vruSpeed(Vru u, long tMs) {
        double wanted = wantedSpeed(u, tMs);
        double v = wanted < u.v ? Math.max(wanted, u.v - VRU_DECEL_MPS2 * IntersectionSim.DT) : wanted;
        if (!u.started && u.crosses() && u.s <= u.route.sCrossStart()) {
            // a VRU told to wait once inside its stopping distance stops at the kerb all the same (rare)
            v = Math.min(v, Math.max(0, (u.route.sCrossStart() - u.s) / IntersectionSim.DT));
        }
        return v;
    }

    /**
     * Walking or riding at the desired speed, except: before a crosswalk the VRU may not enter (no walk, a vehicle
     * committed), slowing to stop at the kerb from as far as it needs; on the crosswalk, stopping for a vehicle that
     * will not stop.
     */
    private double wantedSpeed(Vru u, long tMs) {
        if (!u.crosses() || u.s >= u.route.sCrossEnd()) {
            return u.desiredSpeed;
        }
        if (!u.started) {
            double toKerb = u.route.sCrossStart() - u.s;
            double stopping = u.v * u.v / (2 * VRU_DECEL_MPS2) + 2 * u.v * IntersectionSim.DT;
            if (toKerb > stopping + u.desiredSpeed * IntersectionSim.DT) {
                return u.desiredSpeed;
            }
            Walk w = plan.walk(u.route.walkLeg(), tMs);
            if (w == Walk.FLASHING_DONT_WALK && !u.lateDecided) {
                u.lateDecided = true;
                u.lateStart = rng.nextDouble() < config.risk().vruLateStartProbability();
            }
            boolean mayGo = w == Walk.WALK || (w == Walk.FLASHING_DONT_WALK && u.lateStart);
            if (!mayGo || vehicleCommitted(u.route.crosswalk())) {
                return Math.min(u.desiredSpeed, Math.sqrt(2 * VRU_DECEL_MPS2 * Math.max(0, toKerb - u.v * IntersectionSim.DT)));
            }
            if (u.s + u.v * IntersectionSim.DT >= u.route.sCrossStart()) {
                u.started = true;
            }
            return u.desiredSpeed;
        }
        return threatened(u) ? 0 : u.desiredSpeed;
    }

    /** A vehicle that will not (or cannot) stop before the crosswalk, or is on it: VRUs wait for it. */
    private boolean vehicleCommitted(int crosswalk) {
        for (Vehicle v : vehicles) {
            for (CrosswalkCrossing c : v.mv.crosswalks) {
                if (c.crosswalk() == crosswalk && committedTo(v, c)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a vehicle goes through a crosswalk ahead before VRUs still at the curb: it is on it, moving in the box
     * towards it, or too close to stop comfortably. Vehicles yield to VRUs already crossing in any case.
     */
    private static boolean committedTo(Vehicle v, CrosswalkCrossing c) {
        if (v.rear() > c.sCentre() + 6) {
            return false;
        }
        double dist = c.sEdge() - v.front();
        return dist < -0.3 || (v.v > 1 && (v.crossedStop || dist < v.v * v.v / (2 * 3.0) + v.v));
    }

    private boolean threatened(Vru u) {
        double lambda = u.lambda();
        for (Vehicle v : vehicles) {
            if (v.v <= 1) {
                continue;
            }
            for (CrosswalkCrossing c : v.mv.crosswalks) {
                if (c.crosswalk() != u.route.crosswalk() || v.rear() > c.sCentre() + 2) {
                    continue;
                }
                double dist = c.sEdge() - v.front();
                boolean going = dist < 0.5 || v.v * v.v / (2 * dist) > 3.5;
                if (going && dist / v.v < 2.5 && Math.abs(lambda + u.route.lambdaSign() * 0.8 - c.lambda()) < v.width / 2 + 1.5) {
                    return true;
                }
            }
        }
        return false;
    }
}
