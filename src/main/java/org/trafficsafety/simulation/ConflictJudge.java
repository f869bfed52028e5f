package org.trafficsafety.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.trafficsafety.analysis.ConflictType;
import org.trafficsafety.analysis.RoadUserKind;
import org.trafficsafety.analysis.geometry.Carriageway;
import org.trafficsafety.analysis.geometry.LocalFrame;

/**
 * Measures near-misses on the exact trajectories with the design's section-6 measures and turns them into
 * {@link GroundTruthConflict}s: TTC every simulation step (oriented rectangles for vehicles, 0.5 m discs for VRUs,
 * constant speed and turn rate, 0.1 s steps; flagged when the condition holds without a break for at least 0.5 s,
 * so the result does not depend on where an evaluation grid falls; a vehicle–VRU collision counts only with the VRU
 * on the carriageway of the intersection's MapData), PET every step
 * (half-length discs swept along the actual paths, headings differing by >= 30°), encounters merged per pair while
 * flags are less than 5 s apart.
 */
final class ConflictJudge {

    static final double TTC_VEHICLE_S = 1.5;
    static final double TTC_VRU_S = 3.0;
    static final double CLOSING_VEHICLE_MPS = 1.0;
    static final double CLOSING_VRU_MPS = 0.5;
    static final double PET_VEHICLE_S = 1.0;
    static final double PET_VRU_S = 2.0;
    static final long MERGE_MS = 5000;
    static final long PERSISTENCE_MS = 500;
    static final double VRU_RADIUS_M = 0.5;
    private static final double MAX_YAW_RATE = 0.8;
    private static final double CELL_M = 8;
    private static final long PET_WINDOW_MS = 2000;

    private final int intersectionId;
    private final LocalFrame frame;
    /** Every body is shrunk by this much on each side (negative: grown), m: see {@link GradedJudge}. */
    private final double bodyMarginM;
    private final GroundTruthConflict.Grade grade;
    private final Carriageway road;
    private final double regionHalf;
    private final int cells;
    private final List<List<Sample>> grid = new ArrayList<>();
    private final Map<Long, Sample> lastSample = new HashMap<>();
    private final Map<Long, Encounter> encounters = new HashMap<>();
    private final List<User> users = new ArrayList<>();

    /**
     * @param bodyMarginM every body shrunk by this much on each side for TTC and PET (negative: grown), m
     * @param grade       the grade its conflicts carry
     * @param road        where a VRU must be at a predicted collision for it to count
     */
    ConflictJudge(int intersectionId, LocalFrame frame, double regionHalf, double bodyMarginM, GroundTruthConflict.Grade grade,
                  Carriageway road) {
        this.intersectionId = intersectionId;
        this.frame = frame;
        this.bodyMarginM = bodyMarginM;
        this.grade = grade;
        this.road = road;
        this.regionHalf = regionHalf;
        this.cells = (int) Math.ceil(2 * regionHalf / CELL_M);
        for (int i = 0; i < cells * cells; i++) {
            grid.add(new ArrayList<>());
        }
    }

    /** One road user at one instant, exact. */
    record User(long id, RoadUserKind kind, double x, double y, double theta, double speed, double yawRate, double length,
                double width, RiskyBehaviour behaviour, double vruRadius) {

        User(long id, RoadUserKind kind, double x, double y, double theta, double speed, double yawRate, double length,
             double width, RiskyBehaviour behaviour) {
            this(id, kind, x, y, theta, speed, yawRate, length, width, behaviour, VRU_RADIUS_M);
        }

        boolean isVru() {
            return kind.isVru();
        }

        double petRadius() {
            return isVru() ? vruRadius : length / 2;
        }

        /** The same user with its body shrunk by marginM on each side (grown when negative). */
        User withMargin(double marginM) {
            return new User(id, kind, x, y, theta, speed, yawRate, length - 2 * marginM, width - 2 * marginM, behaviour,
                    vruRadius - marginM);
        }
    }

    private record Sample(User user, double x, double y, double theta, long tMs) {
    }

    private static final class Encounter {
        User a;
        User b;
        long lastConditionMs = Long.MIN_VALUE;
        /** Start of the current run of steps at which the TTC condition held, and the run's minimum. */
        long runStartMs;
        double runMinTtc;
        long runMinAt;
        double runX;
        double runY;
        double runHeadingDiff;
        long firstFlagMs = Long.MIN_VALUE;
        long lastFlagMs;
        double minTtc = Double.NaN;
        long minTtcAt;
        double ttcX;
        double ttcY;
        double ttcHeadingDiff;
        double minPet = Double.NaN;
        long minPetAt;
        double petX;
        double petY;
        double petHeadingDiff;

        Encounter(User a, User b) {
            this.a = a;
            this.b = b;
        }

        void flag(long tMs) {
            firstFlagMs = firstFlagMs == Long.MIN_VALUE ? tMs : Math.min(firstFlagMs, tMs);
            lastFlagMs = Math.max(lastFlagMs, tMs);
        }
    }

    void observe(long tMs, List<User> now, Consumer<GroundTruthConflict> out) {
        users.clear();
        if (bodyMarginM == 0) {
            users.addAll(now);
        } else {
            for (User u : now) {
                users.add(u.withMargin(bodyMarginM));
            }
        }
        evaluateTtc(tMs);
        for (User u : users) {
            samplePet(u, tMs);
        }
        if (tMs % 1000 == 0) {
            prune(tMs);
        }
        close(tMs, false, out);
    }

    /** Emits every open encounter (end of a run). */
    void flush(Consumer<GroundTruthConflict> out) {
        close(Long.MAX_VALUE, true, out);
    }

    // ------------------------------------------------------------------ TTC

    private void evaluateTtc(long tMs) {
        int n = users.size();
        for (int i = 0; i < n; i++) {
            User a = users.get(i);
            for (int j = i + 1; j < n; j++) {
                User b = users.get(j);
                if (a.isVru() && b.isVru()) {
                    continue;
                }
                boolean vru = a.isVru() || b.isVru();
                double horizon = vru ? TTC_VRU_S : TTC_VEHICLE_S;
                double dx = b.x() - a.x();
                double dy = b.y() - a.y();
                double dist = Math.hypot(dx, dy);
                if (dist > (a.speed() + b.speed()) * horizon + halfDiagonal(a) + halfDiagonal(b)) {
                    continue;
                }
                double wx = b.speed() * Math.cos(b.theta()) - a.speed() * Math.cos(a.theta());
                double wy = b.speed() * Math.sin(b.theta()) - a.speed() * Math.sin(a.theta());
                double closing = dist > 1e-6 ? -(dx * wx + dy * wy) / dist : 0;
                if (closing < (vru ? CLOSING_VRU_MPS : CLOSING_VEHICLE_MPS)) {
                    continue;
                }
                double ttc = ttc(a, b, horizon);
                if (Double.isNaN(ttc)) {
                    continue;
                }
                Encounter e = encounter(a, b);
                if (e.lastConditionMs != tMs - TrafficSimulator.STEP_MS) {
                    e.runStartMs = tMs;
                    e.runMinTtc = Double.NaN;
                }
                if (Double.isNaN(e.runMinTtc) || ttc < e.runMinTtc) {
                    e.runMinTtc = ttc;
                    e.runMinAt = tMs;
                    e.runX = (a.x() + b.x()) / 2;
                    e.runY = (a.y() + b.y()) / 2;
                    e.runHeadingDiff = Math.toDegrees(Path.wrap(a.theta() - b.theta()));
                }
                e.lastConditionMs = tMs;
                if (tMs - e.runStartMs >= PERSISTENCE_MS) {
                    e.flag(e.runStartMs);
                    e.flag(tMs);
                    if (Double.isNaN(e.minTtc) || e.runMinTtc < e.minTtc) {
                        e.minTtc = e.runMinTtc;
                        e.minTtcAt = e.runMinAt;
                        e.ttcX = e.runX;
                        e.ttcY = e.runY;
                        e.ttcHeadingDiff = e.runHeadingDiff;
                    }
                }
            }
        }
    }

    private static double halfDiagonal(User u) {
        return u.isVru() ? u.vruRadius() : Math.hypot(u.length(), u.width()) / 2;
    }

    /**
     * First time within the horizon (0.1 s steps) at which the shapes intersect, or NaN; NaN too when they first
     * intersect with a VRU off the carriageway.
     */
    private double ttc(User a, User b, double horizon) {
        int steps = (int) Math.round(horizon / 0.1);
        for (int k = 0; k <= steps; k++) {
            double t = k * 0.1;
            double[] pa = predict(a, t);
            double[] pb = predict(b, t);
            if (overlap(a, pa, b, pb)) {
                boolean onRoad = a.isVru() == b.isVru() || (a.isVru() ? road.contains(pa[0], pa[1]) : road.contains(pb[0], pb[1]));
                return onRoad ? t : Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static double[] predict(User u, double t) {
        double w = u.isVru() ? 0 : Math.max(-MAX_YAW_RATE, Math.min(MAX_YAW_RATE, u.yawRate()));
        if (Math.abs(w) < 1e-4) {
            return new double[] {u.x() + u.speed() * Math.cos(u.theta()) * t, u.y() + u.speed() * Math.sin(u.theta()) * t, u.theta()};
        }
        double th = u.theta() + w * t;
        double r = u.speed() / w;
        return new double[] {u.x() + r * (Math.sin(th) - Math.sin(u.theta())), u.y() - r * (Math.cos(th) - Math.cos(u.theta())), th};
    }

    private static boolean overlap(User a, double[] pa, User b, double[] pb) {
        if (a.isVru()) {
            return rectDisc(b, pb, pa[0], pa[1], a.vruRadius());
        }
        if (b.isVru()) {
            return rectDisc(a, pa, pb[0], pb[1], b.vruRadius());
        }
        return rectRect(a, pa, b, pb);
    }

    private static boolean rectDisc(User r, double[] p, double cx, double cy, double radius) {
        double c = Math.cos(p[2]);
        double s = Math.sin(p[2]);
        double dx = cx - p[0];
        double dy = cy - p[1];
        double lon = dx * c + dy * s;
        double lat = -dx * s + dy * c;
        double ex = Math.max(Math.abs(lon) - r.length() / 2, 0);
        double ey = Math.max(Math.abs(lat) - r.width() / 2, 0);
        return ex * ex + ey * ey <= radius * radius;
    }

    /** Separating-axis test of two oriented rectangles. */
    static boolean rectRect(User a, double[] pa, User b, double[] pb) {
        double[][] axes = {
                {Math.cos(pa[2]), Math.sin(pa[2])}, {-Math.sin(pa[2]), Math.cos(pa[2])},
                {Math.cos(pb[2]), Math.sin(pb[2])}, {-Math.sin(pb[2]), Math.cos(pb[2])}};
        double dx = pb[0] - pa[0];
        double dy = pb[1] - pa[1];
        for (double[] ax : axes) {
            double dist = Math.abs(dx * ax[0] + dy * ax[1]);
            double ra = projectedHalf(a, pa[2], ax);
            double rb = projectedHalf(b, pb[2], ax);
            if (dist > ra + rb) {
                return false;
            }
        }
        return true;
    }

    private static double projectedHalf(User u, double theta, double[] ax) {
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        return u.length() / 2 * Math.abs(c * ax[0] + s * ax[1]) + u.width() / 2 * Math.abs(-s * ax[0] + c * ax[1]);
    }

    // ------------------------------------------------------------------ PET

    private void samplePet(User u, long tMs) {
        if (Math.abs(u.x()) >= regionHalf || Math.abs(u.y()) >= regionHalf) {
            return;
        }
        double r = u.petRadius();
        int cx = cell(u.x());
        int cy = cell(u.y());
        for (int gx = Math.max(0, cx - 1); gx <= Math.min(cells - 1, cx + 1); gx++) {
            for (int gy = Math.max(0, cy - 1); gy <= Math.min(cells - 1, cy + 1); gy++) {
                for (Sample q : grid.get(gx * cells + gy)) {
                    User o = q.user();
                    if (o.id() == u.id() || (o.isVru() && u.isVru()) || tMs - q.tMs() > PET_WINDOW_MS) {
                        continue;
                    }
                    double gapS = (tMs - q.tMs()) / 1000.0;
                    boolean vru = o.isVru() || u.isVru();
                    if (gapS > (vru ? PET_VRU_S : PET_VEHICLE_S)) {
                        continue;
                    }
                    double limit = r + o.petRadius();
                    double dx = u.x() - q.x();
                    double dy = u.y() - q.y();
                    if (dx * dx + dy * dy > limit * limit) {
                        continue;
                    }
                    double headingDiff = Math.toDegrees(Path.wrap(u.theta() - q.theta()));
                    if (Math.abs(headingDiff) < 30) {
                        continue;
                    }
                    Encounter e = encounter(u, o);
                    e.flag(tMs);
                    if (Double.isNaN(e.minPet) || gapS < e.minPet) {
                        e.minPet = gapS;
                        e.minPetAt = tMs;
                        e.petX = (u.x() + q.x()) / 2;
                        e.petY = (u.y() + q.y()) / 2;
                        e.petHeadingDiff = headingDiff;
                    }
                }
            }
        }
        Sample last = lastSample.get(u.id());
        List<Sample> cellList = grid.get(cx * cells + cy);
        if (last != null && u.speed() < 0.05 && Math.hypot(last.x() - u.x(), last.y() - u.y()) < 0.05) {
            List<Sample> lastCell = grid.get(cell(last.x()) * cells + cell(last.y()));
            lastCell.remove(last);
            Sample refreshed = new Sample(u, last.x(), last.y(), last.theta(), tMs);
            lastCell.add(refreshed);
            lastSample.put(u.id(), refreshed);
        } else {
            Sample s = new Sample(u, u.x(), u.y(), u.theta(), tMs);
            cellList.add(s);
            lastSample.put(u.id(), s);
        }
    }

    private int cell(double v) {
        return Math.max(0, Math.min(cells - 1, (int) ((v + regionHalf) / CELL_M)));
    }

    private void prune(long tMs) {
        for (List<Sample> l : grid) {
            l.removeIf(q -> tMs - q.tMs() > PET_WINDOW_MS);
        }
        lastSample.values().removeIf(q -> tMs - q.tMs() > PET_WINDOW_MS);
    }

    // ------------------------------------------------------------------ encounters

    private Encounter encounter(User a, User b) {
        long lo = Math.min(a.id(), b.id());
        long hi = Math.max(a.id(), b.id());
        Encounter e = encounters.computeIfAbsent((lo << 32) | hi, k -> new Encounter(a, b));
        boolean same = e.a.id() == a.id();
        e.a = same ? a : b;
        e.b = same ? b : a;
        return e;
    }

    private void close(long tMs, boolean all, Consumer<GroundTruthConflict> out) {
        for (Iterator<Encounter> it = encounters.values().iterator(); it.hasNext(); ) {
            Encounter e = it.next();
            if (e.firstFlagMs == Long.MIN_VALUE) {
                if (all || tMs - e.lastConditionMs > 1000) {
                    it.remove();
                }
                continue;
            }
            if (all || tMs - e.lastFlagMs > MERGE_MS) {
                it.remove();
                out.accept(toConflict(e));
            }
        }
    }

    private GroundTruthConflict toConflict(Encounter e) {
        User first = e.a;
        User second = e.b;
        if (first.isVru() || (!second.isVru() && Long.compareUnsigned(first.id(), second.id()) > 0)) {
            first = e.b;
            second = e.a;
        }
        boolean byTtc = !Double.isNaN(e.minTtc);
        double x = byTtc ? e.ttcX : e.petX;
        double y = byTtc ? e.ttcY : e.petY;
        double headingDiff = byTtc ? e.ttcHeadingDiff : e.petHeadingDiff;
        RiskyBehaviour kind = first.behaviour() != null ? first.behaviour()
                : second.behaviour() != null ? second.behaviour() : RiskyBehaviour.UNPLANNED;
        return new GroundTruthConflict(intersectionId, first.id(), first.kind(), second.id(), second.kind(), kind,
                ConflictType.ofHeadingDifference(headingDiff), byTtc ? e.minTtcAt : e.minPetAt, frame.latitude(y),
                frame.longitude(x), e.firstFlagMs, e.lastFlagMs, e.minTtc, e.minPet, grade);
    }
}
