package org.trafficsafety.simulation;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Injects hard braking and tailgating at Poisson times (red-light running and non-yielding turns are drawn where
 * the situations arise, in {@link IntersectionSim} and {@link Crosswalks}). Shares the vehicles of one intersection.
 */
final class RiskInjector {

    private final List<Vehicle> vehicles;
    private final SimulationConfig config;
    private final SplittableRandom rng;
    private final Counters counters;
    private long nextHardBrakingMs = Long.MIN_VALUE;
    private long nextTailgatingMs = Long.MIN_VALUE;

    RiskInjector(List<Vehicle> vehicles, SimulationConfig config, SplittableRandom rng, Counters counters) {
        this.vehicles = vehicles;
        this.config = config;
        this.rng = rng;
        this.counters = counters;
    }

    void step(long tMs) {
        SimulationConfig.Risk risk = config.risk();
        if (nextHardBrakingMs == Long.MIN_VALUE) {
            nextHardBrakingMs = tMs + exponentialMs(risk.hardBrakingPerHour());
            nextTailgatingMs = tMs + exponentialMs(risk.tailgatingPerHour());
        }
        if (tMs >= nextHardBrakingMs && tryHardBraking(tMs)) {
            nextHardBrakingMs = tMs + exponentialMs(risk.hardBrakingPerHour());
        }
        if (tMs >= nextTailgatingMs && tryTailgating()) {
            nextTailgatingMs = tMs + exponentialMs(risk.tailgatingPerHour());
        }
        for (Vehicle v : vehicles) {
            Vehicle leader = v.tailgatingLeader;
            if (leader == null) {
                continue;
            }
            if (v.leader != leader || leader.front() > leader.mv.sStop - 20) {
                v.tailgatingLeader = null;
            } else if (v.v > 5 && (v.leaderGap / v.v < 0.9 || leader.front() > leader.mv.sStop - 35) && tMs >= leader.forcedUntilMs) {
                brake(leader, v, 4.5 + rng.nextDouble(), 1500 + rng.nextInt(500), 1400 + rng.nextInt(400), tMs);
                v.tailgatingLeader = null;
            }
        }
    }

    private long exponentialMs(double perHour) {
        if (perHour <= 0) {
            return Long.MAX_VALUE / 4;
        }
        return (long) (-Math.log(1 - rng.nextDouble()) / perHour * 3_600_000L);
    }

    /**
     * A leader far enough from the stop line with a follower within 2.5 s brakes at 6.5–8 m/s^2 for 1.5–2.5 s; the
     * follower is distracted and reacts only after 1.6–2.0 s.
     */
    private boolean tryHardBraking(long tMs) {
        for (Vehicle f : vehicles) {
            Vehicle l = f.leader;
            if (l != null && l.mv.inboundLaneKey() == f.mv.inboundLaneKey() && l.front() < l.mv.sStop - 30 && l.s > 10
                    && l.v > 10 && f.v > 10 && f.leaderGap / f.v < 2.5 && l.behaviour == null && f.behaviour == null) {
                l.behaviour = RiskyBehaviour.HARD_BRAKING;
                f.behaviour = RiskyBehaviour.HARD_BRAKING;
                brake(l, f, 6.5 + 1.5 * rng.nextDouble(), 1500 + rng.nextInt(1000), 1600 + rng.nextInt(400), tMs);
                counters.injected[RiskyBehaviour.HARD_BRAKING.ordinal()]++;
                return true;
            }
        }
        return false;
    }

    /**
     * A follower on an approach takes a 0.5 s time gap and a 3 m/s higher speed; once it is within 0.9 s (or the pair
     * nears the stop line) its leader slows at 4.5–5.5 m/s^2, and the tailgater reacts after 1.4–1.8 s.
     */
    private boolean tryTailgating() {
        for (Vehicle f : vehicles) {
            Vehicle l = f.leader;
            if (l != null && l.mv.inboundLaneKey() == f.mv.inboundLaneKey() && l.front() < l.mv.sStop - 45 && l.s > 5
                    && l.v > 9 && f.v > 9 && f.leaderGap / f.v < 2.5 && l.behaviour == null && f.behaviour == null) {
                l.behaviour = RiskyBehaviour.TAILGATING;
                f.behaviour = RiskyBehaviour.TAILGATING;
                f.timeGap = 0.5;
                f.desiredSpeed += 3;
                f.tailgatingLeader = l;
                counters.injected[RiskyBehaviour.TAILGATING.ordinal()]++;
                return true;
            }
        }
        return false;
    }

    private static void brake(Vehicle leader, Vehicle follower, double decel, long durationMs, long reactionMs, long tMs) {
        leader.forcedDecel = decel;
        leader.forcedUntilMs = tMs + durationMs;
        follower.phantomLeader = leader;
        follower.phantomS = leader.s;
        follower.phantomV = leader.v;
        follower.phantomAtMs = tMs;
        follower.reactUntilMs = tMs + reactionMs;
    }
}
