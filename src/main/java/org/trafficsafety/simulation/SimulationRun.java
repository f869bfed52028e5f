package org.trafficsafety.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.geometry.LocalFrame;

/**
 * A simulation in progress: advanced step by step by whoever drives it (a batch loop or a real-time source), on one
 * thread. Not thread-safe.
 */
public final class SimulationRun {

    private final SimulationConfig config;
    private final List<Part> parts = new ArrayList<>();
    private final Counters counters = new Counters();
    private long nowMs;

    private record Part(IntersectionSim sim, ConflictJudge judge, MessageFactory messages) {
    }

    SimulationRun(SimulationConfig config, long startMs) {
        this.config = config;
        Layout layout = new Layout(config.geometry(), config.drivers());
        IdSource ids = new IdSource(config.seed());
        SplittableRandom root = new SplittableRandom(config.seed());
        for (Intersection in : config.intersections()) {
            SplittableRandom rng = root.split();
            LocalFrame frame = new LocalFrame(in.latitude(), in.longitude());
            parts.add(new Part(new IntersectionSim(in, layout, config, rng.split(), ids, counters),
                    new ConflictJudge(in.id(), frame, layout.stopLine), new MessageFactory(frame, config, rng.split())));
        }
        long warmUpStart = startMs - TrafficSimulator.WARM_UP_MS;
        for (long t = warmUpStart; t < startMs; t += TrafficSimulator.STEP_MS) {
            for (Part p : parts) {
                p.sim().step(t);
            }
        }
        counters.reset();
        this.nowMs = startMs;
    }

    /** The event time of the next step, epoch ms. */
    public long nowMs() {
        return nowMs;
    }

    /** Simulates every step before {@code untilMs}, publishing messages and closed ground-truth conflicts. */
    public void advanceTo(long untilMs, SimulationListener listener) {
        while (nowMs < untilMs) {
            step(listener);
        }
    }

    private void step(SimulationListener listener) {
        long t = nowMs;
        long stepIndex = t / TrafficSimulator.STEP_MS;
        SimulationConfig.Messaging m = config.messaging();
        int bsmSteps = m.bsmPeriodMs() / TrafficSimulator.STEP_MS;
        int psmSteps = m.psmPeriodMs() / TrafficSimulator.STEP_MS;
        for (Part p : parts) {
            IntersectionSim sim = p.sim();
            if (stepIndex % (m.mapDataPeriodMs() / TrafficSimulator.STEP_MS) == 0) {
                listener.onMessage(p.messages().mapData(sim.intersection, sim.layout, t));
                counters.mapData++;
            }
            if (stepIndex % (m.spatPeriodMs() / TrafficSimulator.STEP_MS) == 0) {
                listener.onMessage(p.messages().spat(sim.intersection, sim.plan, t));
                counters.spat++;
            }
            for (Vehicle v : sim.vehicles) {
                if (stepIndex % bsmSteps == v.emitPhase) {
                    listener.onMessage(p.messages().bsm(v, t));
                    counters.bsm++;
                }
            }
            for (Vru u : sim.vrus) {
                if (stepIndex % psmSteps == u.emitPhase) {
                    listener.onMessage(p.messages().psm(u, t));
                    counters.psm++;
                }
            }
            p.judge().observe(t, sim.users(), c -> publish(c, listener));
        }
        for (Part p : parts) {
            p.sim().step(t);
        }
        nowMs = t + TrafficSimulator.STEP_MS;
    }

    private void publish(GroundTruthConflict c, SimulationListener listener) {
        counters.groundTruth[c.kind().ordinal()]++;
        listener.onGroundTruth(c);
    }

    /** Emits the ground truth of encounters still open (call once, at the end of a run). */
    public void finish(SimulationListener listener) {
        for (Part p : parts) {
            p.judge().flush(c -> publish(c, listener));
        }
    }

    public SimulationStats stats() {
        return counters.snapshot();
    }
}
