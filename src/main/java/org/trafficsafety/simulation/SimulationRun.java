package org.trafficsafety.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.conflict.ConflictParameters;
import org.trafficsafety.analysis.geometry.Carriageway;
import org.trafficsafety.analysis.geometry.LocalFrame;
import org.trafficsafety.message.MapData;

/**
 * A simulation in progress: advanced step by step by whoever drives it (a batch loop or a real-time source), on one
 * thread. Not thread-safe.
 */
public final class SimulationRun {

    private static final Logger log = LoggerFactory.getLogger(SimulationRun.class);
    /** A MapData whose reference point is further than this from the intersection describes another one. */
    private static final double MAX_REF_OFFSET_M = 100;

    private final SimulationConfig config;
    private final List<Part> parts = new ArrayList<>();
    private final Counters counters = new Counters();
    private long nowMs;

    private record Part(IntersectionSim sim, GradedJudge judge, PassingLog passings, MessageFactory messages) {
    }

    SimulationRun(SimulationConfig config, long startMs) {
        this.config = config;
        Layout synthesized = new Layout(config.geometry(), config.drivers());
        IdSource ids = new IdSource(config.seed());
        SplittableRandom root = new SplittableRandom(config.seed());
        for (Intersection in : config.intersections()) {
            SplittableRandom rng = root.split();
            Layout layout = layoutOf(in, synthesized);
            LocalFrame frame = layout.source == null ? new LocalFrame(in.latitude(), in.longitude())
                    : new LocalFrame(layout.source.refLatitude(), layout.source.refLongitude());
            IntersectionSim sim = new IntersectionSim(in, layout, config, rng.split(), ids, counters);
            MessageFactory messages = new MessageFactory(frame, config, rng.split());
            // the ground truth keeps to the carriageway of the MapData the simulator publishes, with the detector's
            // default margin (the truth is measured with the design's defaults whatever a detector is configured to)
            Carriageway road = Carriageway.of(messages.mapData(in, layout, startMs).intersections().getFirst(), frame,
                    ConflictParameters.defaults().carriagewayMarginM());
            parts.add(new Part(sim, new GradedJudge(in.id(), frame, layout.stopLine, road), new PassingLog(in.id()), messages));
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

    /**
     * The intersection's layout from its MapData when the config has one and it is usable, else the synthesized one
     * (logged once per run and intersection, with the reason).
     */
    private Layout layoutOf(Intersection in, Layout synthesized) {
        MapData.IntersectionGeometry g = config.maps().get(in.id());
        if (g == null) {
            return synthesized;
        }
        LocalFrame own = new LocalFrame(in.latitude(), in.longitude());
        double offsetM = Math.hypot(own.east(g.refLongitude()), own.north(g.refLatitude()));
        if (offsetM > MAX_REF_OFFSET_M) {
            log.warn("intersection {}: MapData reference point is {} m from the intersection; using the synthesized layout", in.id(),
                    Math.round(offsetM));
            return synthesized;
        }
        MapLayout.Result r = MapLayout.build(g, config.geometry(), config.drivers());
        if (r.layout() == null) {
            log.warn("intersection {}: MapData unusable ({}); using the synthesized layout", in.id(), r.problem());
            return synthesized;
        }
        log.info("intersection {}: layout from MapData, {} movements, {} crosswalk routes", in.id(), r.layout().movements.size(),
                r.layout().vruRoutes.size());
        return r.layout();
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
                listener.onMessage(p.messages().spat(sim.intersection, sim.plan, sim.layout, t));
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
            p.judge().observe(t, sim.users(), c -> publish(c, listener), listener::onNearMiss);
            if (t % BenignPassing.SAMPLE_MS == 0) {
                p.passings().observe(t, sim, listener::onPassing);
            }
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

    /** Emits the ground truth of encounters and the passings still open (call once, at the end of a run). */
    public void finish(SimulationListener listener) {
        for (Part p : parts) {
            p.judge().flush(c -> publish(c, listener), listener::onNearMiss);
            p.passings().flush(listener::onPassing);
        }
    }

    public SimulationStats stats() {
        return counters.snapshot();
    }
}
