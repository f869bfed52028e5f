package org.trafficsafety.simulation;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import org.trafficsafety.analysis.RoadUserKind;

/**
 * Records, for one intersection, the {@link BenignPassing}s: once a second, every pair of road users whose centres
 * are within {@value BenignPassing#NEAR_M} m and that cannot collide (vehicles in separate lanes, a vehicle and a VRU on a
 * sidewalk). A passing ends at the first second at which the pair is no longer near in that situation (apart, gone, or
 * the VRU on a crosswalk).
 */
final class PassingLog {

    private final int intersectionId;
    private final Map<Key, Open> open = new HashMap<>();

    private record Key(long firstId, long secondId, boolean secondIsVru) {
    }

    private static final class Open {
        final RoadUserKind firstKind;
        final RoadUserKind secondKind;
        final BenignPassing.Situation situation;
        final long startMs;
        long lastMs;

        Open(RoadUserKind firstKind, RoadUserKind secondKind, BenignPassing.Situation situation, long startMs) {
            this.firstKind = firstKind;
            this.secondKind = secondKind;
            this.situation = situation;
            this.startMs = startMs;
            this.lastMs = startMs;
        }
    }

    PassingLog(int intersectionId) {
        this.intersectionId = intersectionId;
    }

    /** Samples the intersection at tMs (a whole second) and emits the passings that ended. */
    void observe(long tMs, IntersectionSim sim, Consumer<BenignPassing> out) {
        var vehicles = sim.vehicles;
        for (int i = 0; i < vehicles.size(); i++) {
            Vehicle a = vehicles.get(i);
            for (int j = i + 1; j < vehicles.size(); j++) {
                Vehicle b = vehicles.get(j);
                if (near(a.x(), a.y(), b.x(), b.y()) && sim.layout.separateLanes(a.mv.index, b.mv.index)) {
                    boolean aFirst = Long.compareUnsigned(a.id, b.id) < 0;
                    see(aFirst ? a.id : b.id, RoadUserKind.VEHICLE, aFirst ? b.id : a.id, RoadUserKind.VEHICLE,
                            BenignPassing.Situation.VEHICLES_IN_SEPARATE_LANES, tMs);
                }
            }
        }
        for (Vru u : sim.vrus) {
            if (u.onCrosswalk()) {
                continue;
            }
            RoadUserKind kind = RoadUserKind.of(u.type);
            BenignPassing.Situation situation = kind == RoadUserKind.PEDESTRIAN ? BenignPassing.Situation.PEDESTRIAN_ON_SIDEWALK
                    : BenignPassing.Situation.CYCLIST_ON_SIDEWALK;
            double ux = u.x();
            double uy = u.y();
            for (Vehicle v : vehicles) {
                if (near(ux, uy, v.x(), v.y())) {
                    see(v.id, RoadUserKind.VEHICLE, u.id, kind, situation, tMs);
                }
            }
        }
        for (Iterator<Map.Entry<Key, Open>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Open> e = it.next();
            if (e.getValue().lastMs < tMs) {
                out.accept(passing(e.getKey(), e.getValue()));
                it.remove();
            }
        }
    }

    /** Emits every passing still open (end of a run). */
    void flush(Consumer<BenignPassing> out) {
        open.forEach((k, o) -> out.accept(passing(k, o)));
        open.clear();
    }

    private void see(long firstId, RoadUserKind firstKind, long secondId, RoadUserKind secondKind, BenignPassing.Situation situation,
                     long tMs) {
        open.computeIfAbsent(new Key(firstId, secondId, secondKind.isVru()), k -> new Open(firstKind, secondKind, situation, tMs))
                .lastMs = tMs;
    }

    private BenignPassing passing(Key k, Open o) {
        return new BenignPassing(intersectionId, k.firstId(), o.firstKind, k.secondId(), o.secondKind, o.situation, o.startMs, o.lastMs);
    }

    private static boolean near(double ax, double ay, double bx, double by) {
        double dx = ax - bx;
        double dy = ay - by;
        return dx * dx + dy * dy <= BenignPassing.NEAR_M * BenignPassing.NEAR_M;
    }
}
