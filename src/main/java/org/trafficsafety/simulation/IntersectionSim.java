package org.trafficsafety.simulation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.RoadUserKind;
import org.trafficsafety.message.VruType;
import org.trafficsafety.simulation.Layout.CrosswalkCrossing;
import org.trafficsafety.simulation.Layout.Movement;
import org.trafficsafety.simulation.Layout.MovementConflict;
import org.trafficsafety.simulation.Layout.Turn;
import org.trafficsafety.simulation.SignalPlan.Light;

/**
 * One intersection's micro-simulation, advanced in 100 ms steps: arrivals, IDM car following, signal compliance,
 * yielding to VRUs, permissive left turns, VRUs on sidewalks and crosswalks, and the injected risky behaviour.
 */
final class IntersectionSim {

    static final double DT = TrafficSimulator.STEP_MS / 1000.0;
    private static final double EMERGENCY_DECEL = 9.0;
    private static final long PERCEPTION_MS = 800;
    private static final long GRIDLOCK_MS = 20_000;
    /** Vehicles from one inbound lane keep following each other this far past the stop line, until their paths part. */
    private static final double SHARED_LANE_M = 22;
    /** Through drivers prefer the inner lane, the outer one being shared with right turns (and trucks keep right). */
    private static final double INNER_LANE_SHARE = 0.6;

    final Intersection intersection;
    final Layout layout;
    final SignalPlan plan;
    private final SimulationConfig config;
    private final SplittableRandom rng;
    private final IdSource ids;
    final Counters counters;
    final List<Vehicle> vehicles = new ArrayList<>();
    final List<Vru> vrus = new ArrayList<>();
    private final ArrayDeque<Integer>[] pending;
    private final List<Vehicle>[] inbound;
    private final List<Vehicle>[] byMovement;
    private final List<Vehicle>[] outbound;
    private final Crosswalks crosswalks;
    private final RiskInjector risk;

    @SuppressWarnings("unchecked")
    IntersectionSim(Intersection intersection, Layout layout, SimulationConfig config, SplittableRandom rng, IdSource ids, Counters counters) {
        this.intersection = intersection;
        this.layout = layout;
        this.config = config;
        this.rng = rng;
        this.ids = ids;
        this.counters = counters;
        SignalPlan probe = new SignalPlan(config.signals(), 0);
        this.plan = new SignalPlan(config.signals(), rng.nextLong(probe.cycleMs() / 1000) * 1000);
        this.crosswalks = new Crosswalks(vehicles, vrus, plan, config, rng, counters);
        this.risk = new RiskInjector(vehicles, config, rng, counters);
        pending = new ArrayDeque[layout.inboundLanes];
        inbound = new List[layout.inboundLanes];
        byMovement = new List[layout.movements.size()];
        outbound = new List[layout.outboundLanes];
        for (int i = 0; i < pending.length; i++) {
            pending[i] = new ArrayDeque<>();
            inbound[i] = new ArrayList<>();
        }
        for (int i = 0; i < byMovement.length; i++) {
            byMovement[i] = new ArrayList<>();
        }
        for (int i = 0; i < outbound.length; i++) {
            outbound[i] = new ArrayList<>();
        }
    }

    /** Advances the exact state from tMs to tMs + one step. */
    void step(long tMs) {
        int hour = (int) Math.floorMod(tMs / 3_600_000L, 24L);
        double factor = config.demand().profile().factor(hour);
        arriveVehicles(factor);
        arriveVrus(factor);
        enterVehicles();
        assignLeaders();
        risk.step(tMs);
        for (Vehicle v : vehicles) {
            v.acc = acceleration(v, tMs);
        }
        for (Vru u : vrus) {
            u.v = crosswalks.vruSpeed(u, tMs);
        }
        long next = tMs + TrafficSimulator.STEP_MS;
        for (Iterator<Vehicle> it = vehicles.iterator(); it.hasNext(); ) {
            Vehicle v = it.next();
            integrate(v);
            if (!v.crossedStop && v.front() >= v.mv.sStop) {
                crossStopLine(v, next);
            }
            if (v.s >= v.mv.path.length()) {
                it.remove();
            }
        }
        for (Vehicle v : vehicles) {
            if (v.leader != null && v.leader.mv == v.mv && v.leader.rear() - v.front() < 0.05) {
                counters.touches++;
            }
        }
        for (Iterator<Vru> it = vrus.iterator(); it.hasNext(); ) {
            Vru u = it.next();
            u.s += u.v * DT;
            if (u.s >= u.route.path().length()) {
                it.remove();
            }
        }
    }

    private void integrate(Vehicle v) {
        double nv = v.v + v.acc * DT;
        if (nv < 0) {
            v.s += v.acc < 0 ? v.v * v.v / (-2 * v.acc) : 0;
            v.v = 0;
        } else {
            v.s += v.v * DT + 0.5 * v.acc * DT * DT;
            v.v = nv;
        }
    }

    private void crossStopLine(Vehicle v, long tMs) {
        v.crossedStop = true;
        v.crossedStopAtMs = tMs;
        if (plan.vehicleLight(v.mv.lightApproach, v.mv.lightTurn, tMs) == Light.RED) {
            counters.redCrossings++;
        }
    }

    /** The exact state of every road user now, for the ground truth. */
    List<ConflictJudge.User> users() {
        List<ConflictJudge.User> out = new ArrayList<>(vehicles.size() + vrus.size());
        for (Vehicle v : vehicles) {
            out.add(new ConflictJudge.User(v.id, RoadUserKind.VEHICLE, v.x(), v.y(), v.theta(), v.v, v.yawRate(), v.length, v.width,
                    v.behaviour));
        }
        for (Vru u : vrus) {
            out.add(new ConflictJudge.User(u.id, RoadUserKind.of(u.type), u.x(), u.y(), u.theta(), u.v, 0, 0, 0, null));
        }
        return out;
    }

    // ---------------------------------------------------------------- arrivals

    private void arriveVehicles(double factor) {
        SimulationConfig.Demand d = config.demand();
        for (int k = 0; k < 4; k++) {
            double perHour = (k % 2 == 0 ? d.majorVehiclesPerHour() : d.minorVehiclesPerHour()) * factor;
            if (rng.nextDouble() < perHour / 3600.0 * DT) {
                double r = rng.nextDouble();
                Turn turn = r < d.leftTurnShare() ? Turn.LEFT : r < d.leftTurnShare() + d.rightTurnShare() ? Turn.RIGHT : Turn.THROUGH;
                List<List<Integer>> byTurn = layout.choices.get(k);
                List<Integer> options = byTurn.get(turn.ordinal()).isEmpty() ? byTurn.get(Turn.THROUGH.ordinal()) : byTurn.get(turn.ordinal());
                if (options.isEmpty()) {
                    continue;
                }
                int mv = options.size() == 1 ? options.getFirst()
                        : options.size() == 2 ? options.get(rng.nextDouble() < INNER_LANE_SHARE ? 0 : 1) : options.get(rng.nextInt(options.size()));
                pending[layout.movements.get(mv).inboundLaneKey()].add(mv);
            }
        }
    }

    private void enterVehicles() {
        for (int lane = 0; lane < pending.length; lane++) {
            if (pending[lane].isEmpty()) {
                continue;
            }
            Vehicle last = null;
            for (Vehicle v : vehicles) {
                if (v.mv.inboundLaneKey() == lane && (last == null || v.s < last.s)) {
                    last = v;
                }
            }
            Vehicle candidate = newVehicle(layout.movements.get(pending[lane].peek()));
            double gap = last == null ? Double.MAX_VALUE : last.rear() - candidate.length / 2;
            double speed = last == null || gap > 80 ? candidate.desiredSpeed : Math.min(candidate.desiredSpeed, last.v);
            if (gap >= candidate.minGap + speed * candidate.timeGap + 2) {
                pending[lane].poll();
                candidate.s = 0;
                candidate.v = speed;
                vehicles.add(candidate);
                counters.vehicles++;
            }
        }
    }

    private Vehicle newVehicle(Movement mv) {
        SimulationConfig.Drivers dr = config.drivers();
        SimulationConfig.Demand d = config.demand();
        double throughShare = 1 - d.leftTurnShare() - d.rightTurnShare();
        boolean truck = mv.turn == Turn.THROUGH && mv.outer && throughShare > 0
                && rng.nextDouble() < d.truckShare() / (throughShare * (1 - INNER_LANE_SHARE));
        double length = truck ? 8 + 2 * rng.nextDouble() : rng.nextDouble() < 0.8 ? 4.5 + 0.5 * rng.nextDouble() : 4.2 + 0.3 * rng.nextDouble();
        double width = truck ? 2.5 : 1.8 + 0.2 * rng.nextDouble();
        double speed = dr.desiredSpeedMps() + dr.speedSpreadMps() * (2 * rng.nextDouble() - 1) - (truck ? 1.5 : 0);
        double gap = dr.timeGapMinS() + (dr.timeGapMaxS() - dr.timeGapMinS()) * rng.nextDouble();
        int bsmSteps = config.messaging().bsmPeriodMs() / TrafficSimulator.STEP_MS;
        return new Vehicle(ids.next(), mv, length, width, speed, gap, dr.minGapM(), truck ? 0.8 : dr.maxAccelMps2(),
                truck ? 1.5 : dr.comfortDecelMps2(), rng.nextInt(bsmSteps), rng.nextInt(128));
    }

    private void arriveVrus(double factor) {
        SimulationConfig.Demand d = config.demand();
        if (rng.nextDouble() >= d.vrusPerHour() * factor / 3600.0 * DT) {
            return;
        }
        if (layout.vruEntries() == 0) {
            return;
        }
        int sidewalk = rng.nextInt(layout.vruEntries());
        int kind = rng.nextDouble() < d.crossingShare() ? 1 + rng.nextInt(2) : 0;
        Layout.VruRoute route = layout.vruRoutes.get(sidewalk * 3 + kind);
        boolean cyclist = rng.nextDouble() < d.cyclistShare();
        double speed = cyclist ? 3.5 + 1.5 * rng.nextDouble() : 1.1 + 0.5 * rng.nextDouble();
        int psmSteps = config.messaging().psmPeriodMs() / TrafficSimulator.STEP_MS;
        vrus.add(new Vru(ids.next(), cyclist ? VruType.CYCLIST : VruType.PEDESTRIAN, route, speed, rng.nextInt(psmSteps), rng.nextInt(128)));
        counters.vrus++;
    }

    // ---------------------------------------------------------------- leaders

    private void assignLeaders() {
        for (List<Vehicle> l : inbound) {
            l.clear();
        }
        for (List<Vehicle> l : byMovement) {
            l.clear();
        }
        for (List<Vehicle> l : outbound) {
            l.clear();
        }
        for (Vehicle v : vehicles) {
            byMovement[v.mv.index].add(v);
            if (v.front() < v.mv.sStop + SHARED_LANE_M) {
                inbound[v.mv.inboundLaneKey()].add(v);
            }
            if (v.s > v.mv.sExit - 15) {
                outbound[v.mv.outboundLaneKey()].add(v);
            }
        }
        for (Vehicle v : vehicles) {
            Vehicle best = null;
            double bestGap = Double.MAX_VALUE;
            for (Vehicle o : byMovement[v.mv.index]) {
                if (o.s > v.s && o.rear() - v.front() < bestGap) {
                    best = o;
                    bestGap = o.rear() - v.front();
                }
            }
            if (v.front() < v.mv.sStop + SHARED_LANE_M) {
                for (Vehicle o : inbound[v.mv.inboundLaneKey()]) {
                    if (o.mv != v.mv && o.s > v.s && o.rear() - v.front() < bestGap) {
                        best = o;
                        bestGap = o.rear() - v.front();
                    }
                }
            }
            if (v.s > v.mv.sExit - 40) {
                double dv = v.s - v.mv.sExit;
                for (Vehicle o : outbound[v.mv.outboundLaneKey()]) {
                    double d = o.s - o.mv.sExit;
                    double gap = d - o.length / 2 - dv - v.length / 2;
                    if (o.mv != v.mv && d > dv && gap < bestGap) {
                        best = o;
                        bestGap = gap;
                    }
                }
            }
            v.leader = best;
            v.leaderGap = bestGap;
        }
    }

    // ---------------------------------------------------------------- driving

    private double acceleration(Vehicle v, long tMs) {
        double v0 = v.runsRed ? v.desiredSpeed : Math.min(v.desiredSpeed, Layout.advisory(v.mv, v.s));
        double acc = v.maxAccel * (1 - Math.pow(v.v / v0, 4));
        if (v.leader != null) {
            double gap = v.leaderGap;
            double leaderV = v.leader.v;
            if (tMs < v.reactUntilMs && v.leader == v.phantomLeader) {
                double dtS = (tMs - v.phantomAtMs) / 1000.0;
                gap = v.phantomS + v.phantomV * dtS - v.leader.length / 2 - v.front();
                leaderV = v.phantomV;
            }
            double gapFactor = v.leader.mv != v.mv && v.leader.mv.turn != Turn.THROUGH ? 1.6 : 1.0;
            acc = Math.min(acc, idm(v, v0, gap / gapFactor, v.v - leaderV));
        }
        double stopAt = stopTarget(v, tMs);
        if (stopAt < Double.MAX_VALUE) {
            acc = Math.min(acc, idm(v, v0, stopAt + v.minGap - 0.5 - v.front(), v.v));
        }
        if (!v.nonYield && !v.runsRed) {
            double cap = crosswalks.crosswalkSpeedCap(v);
            if (v.v > cap) {
                acc = Math.min(acc, (cap - v.v) / 0.5);
            }
        }
        if (tMs < v.forcedUntilMs) {
            acc = v.v > 0.3 ? -v.forcedDecel : 0;
        }
        return Math.max(-EMERGENCY_DECEL, Math.min(v.maxAccel, acc));
    }

    private static double idm(Vehicle v, double v0, double gap, double closing) {
        double sStar = v.minGap + Math.max(0, v.v * v.timeGap + v.v * closing / (2 * Math.sqrt(v.maxAccel * v.comfortDecel)));
        double g = Math.max(gap, 0.1);
        return v.maxAccel * (1 - Math.pow(v.v / v0, 4) - (sStar / g) * (sStar / g));
    }

    /** Where the front must stop (path arc length), or MAX_VALUE: signal, crosswalks, left-turn gaps, red-light runners. */
    private double stopTarget(Vehicle v, long tMs) {
        double target = Double.MAX_VALUE;
        if (!v.crossedStop) {
            target = signalTarget(v, tMs);
        }
        for (CrosswalkCrossing c : v.mv.crosswalks) {
            if (v.front() < c.sEdge() + 0.5 && c.sEdge() - v.front() < 60) {
                target = Math.min(target, crosswalks.crosswalkTarget(v, c, tMs));
            }
        }
        if (gridlocked(v, tMs)) {
            return target;
        }
        // a left turn is protected only under a left-turn arrow (a MapData may give it the through movement's group)
        if (v.mv.turn == Turn.LEFT && !v.runsRed
                && (v.mv.lightTurn != Turn.LEFT || plan.vehicleLight(v.mv.lightApproach, v.mv.lightTurn, tMs) != Light.PROTECTED)) {
            target = Math.min(target, permissiveLeftTarget(v, tMs));
        }
        if (!v.runsRed) {
            target = Math.min(target, foeTarget(v, tMs));
        }
        return target;
    }

    /**
     * Gridlock guard of MapData layouts, whose box geometry can make vehicles inside it wait for each other in a
     * circle (the synthesized layout's waiting positions are cycle free by construction, so it never applies there):
     * a vehicle that has stood in the box for {@link #GRIDLOCK_MS} stops waiting for gaps and crossing vehicles for
     * good and clears the box, still following its leader and yielding to VRUs.
     */
    private boolean gridlocked(Vehicle v, long tMs) {
        if (v.gridlockReleased || layout.source == null || !v.crossedStop) {
            return v.gridlockReleased;
        }
        if (v.v >= 0.1) {
            v.standingInBoxSinceMs = -1;
            return false;
        }
        if (v.standingInBoxSinceMs < 0) {
            v.standingInBoxSinceMs = tMs;
        }
        v.gridlockReleased = tMs - v.standingInBoxSinceMs >= GRIDLOCK_MS;
        return v.gridlockReleased;
    }

    private double signalTarget(Vehicle v, long tMs) {
        if (v.runsRed) {
            return Double.MAX_VALUE;
        }
        Light light = plan.vehicleLight(v.mv.lightApproach, v.mv.lightTurn, tMs);
        double dist = v.mv.sStop - v.front();
        if (light.isGreen()) {
            v.yellowDecision = Vehicle.UNDECIDED;
            return Double.MAX_VALUE;
        }
        if (light == Light.YELLOW) {
            if (v.yellowDecision == Vehicle.UNDECIDED) {
                boolean canStop = v.v < 0.5 || (dist > 0 && v.v * v.v / (2 * dist) <= config.drivers().maxStopDecelMps2());
                v.yellowDecision = canStop ? Vehicle.STOP : Vehicle.GO;
            }
            return v.yellowDecision == Vehicle.STOP ? v.mv.sStop : Double.MAX_VALUE;
        }
        if (v.yellowDecision == Vehicle.GO) {
            return Double.MAX_VALUE;
        }
        if (!v.redDecided && v.mv.turn == Turn.THROUGH && v.v > 8 && dist > 0
                && dist < v.v * v.v / (2 * v.comfortDecel) + 2 * v.v
                && (v.leader == null || v.leader.crossedStop)
                && plan.remainingMs(v.mv.lightApproach, v.mv.lightTurn, tMs) > (dist / v.v + 2) * 1000) {
            v.redDecided = true;
            counters.redEligible++;
            if (rng.nextDouble() < config.risk().redLightRunningProbability()) {
                v.runsRed = true;
                v.behaviour = RiskyBehaviour.RED_LIGHT_RUNNING;
                counters.injected[RiskyBehaviour.RED_LIGHT_RUNNING.ordinal()]++;
                return Double.MAX_VALUE;
            }
        }
        return v.mv.sStop;
    }

    private double permissiveLeftTarget(Vehicle v, long tMs) {
        double waitAt = Double.MAX_VALUE;
        boolean gapTooShort = false;
        int opposing = (v.mv.approach + 2) % 4;
        for (MovementConflict mc : v.mv.conflicts) {
            Movement other = layout.movements.get(mc.other());
            if (other.approach != opposing || other.turn == Turn.LEFT) {
                continue;
            }
            waitAt = Math.min(waitAt, mc.sClear() + v.length / 2);
            boolean opposingStops = !plan.vehicleLight(other.lightApproach, other.lightTurn, tMs).isGreen();
            for (Vehicle o : byMovement[other.index]) {
                if (o.rear() > mc.sOther() + 1.5 || o.yellowDecision == Vehicle.STOP
                        || (opposingStops && !o.crossedStop && !o.runsRed && o.yellowDecision != Vehicle.GO)) {
                    continue;
                }
                double t = timeToReach(o, mc.sOther() - Layout.CLEARANCE_M);
                if (t < config.drivers().criticalGapS()) {
                    gapTooShort = true;
                }
            }
        }
        if (waitAt == Double.MAX_VALUE || v.front() > waitAt + 0.5) {
            return Double.MAX_VALUE;
        }
        for (CrosswalkCrossing c : v.mv.crosswalks) {
            if (c.sEdge() > waitAt && crosswalks.crosswalkState(v, c, tMs) != Crosswalks.CLEAR) {
                gapTooShort = true;
            }
        }
        return gapTooShort ? waitAt : Double.MAX_VALUE;
    }

    /** Time for a vehicle to bring its centre to path position s, accelerating from its current speed. */
    private static double timeToReach(Vehicle o, double s) {
        double dist = s - o.s;
        if (dist <= 0) {
            return 0;
        }
        double a = o.v < o.desiredSpeed ? o.maxAccel : 0;
        return a > 0 ? (-o.v + Math.sqrt(o.v * o.v + 2 * a * dist)) / a : dist / Math.max(o.v, 0.1);
    }

    /**
     * Whom a vehicle waits for, free of cycles: in the box, only vehicles that entered the box earlier and are moving
     * or standing in its way; before its stop line, any vehicle moving in the box or standing in its way.
     */
    private boolean yieldsTo(Vehicle v, Vehicle o) {
        MovementConflict back = layout.conflict[o.mv.index][v.mv.index];
        boolean inMyWay = back != null && o.s > back.sClear() + 0.5;
        if (v.crossedStop) {
            return o.crossedStopAtMs < v.crossedStopAtMs && (o.v >= 0.5 || inMyWay);
        }
        return o.v >= 0.5 || inMyWay;
    }

    /**
     * Waits short of a crossing path while a vehicle on it is in the box and heading through the crossing (a vehicle
     * clearing at the end of its phase, or a red-light runner seen after a perception delay), until its centre is far
     * enough past for a post-encroachment time of about 1.5 s.
     */
    private double foeTarget(Vehicle v, long tMs) {
        double target = Double.MAX_VALUE;
        for (MovementConflict mc : v.mv.conflicts) {
            if (v.s > mc.sClear() + 0.5) {
                continue;
            }
            for (Vehicle o : byMovement[mc.other()]) {
                if (!o.crossedStop || o.s > mc.sOther() + Layout.CLEARANCE_M + 1.5 * Math.max(o.v, 2)) {
                    continue;
                }
                if (o.runsRed ? tMs < o.crossedStopAtMs + PERCEPTION_MS : !yieldsTo(v, o)) {
                    continue;
                }
                double tClear = (mc.sOther() + Layout.CLEARANCE_M + 1.5 * Math.max(o.v, 2) - o.s) / Math.max(o.v, 4);
                double tArrive = (mc.sClear() - v.s) / Math.max(v.v, 0.1);
                if (tArrive < tClear + 1.5) {
                    target = Math.min(target, mc.sClear() + v.length / 2);
                }
            }
        }
        return target;
    }
}
