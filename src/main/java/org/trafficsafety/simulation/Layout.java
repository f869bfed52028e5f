package org.trafficsafety.simulation;

import java.util.ArrayList;
import java.util.List;
import org.trafficsafety.message.MapData;

/**
 * The synthesized four-leg intersection in its local frame (x east, y north, metres from the reference point):
 * the vehicle movements with their paths, the crosswalks and the VRU routes. Approaches are indexed
 * 0 = north (southbound traffic), 1 = east, 2 = south, 3 = west; the north–south street is the major one.
 * The same for every intersection of a config, so it is built once.
 */
final class Layout {

    enum Turn { LEFT, THROUGH, RIGHT }

    /** A crossing of a vehicle path with a crosswalk across leg {@code leg}. */
    record CrosswalkCrossing(int crosswalk, int leg, double sEdge, double sCentre, double lambda) {
    }

    /**
     * Where two movement paths cross: {@code sSelf}/{@code sOther} where they first come within {@link #CONFLICT_M}, and
     * {@code sClear}, the last point on this path before that whose centre is still {@link #CLEARANCE_M} from the other
     * path, where a vehicle waits so that half-length discs of crossing vehicles never touch it.
     */
    record MovementConflict(int other, double sSelf, double sOther, double sClear) {
    }

    static final double CLEARANCE_M = 6.5;
    /** Centre lines at least this far apart keep two of the widest bodies (2.5 m trucks) apart, m. */
    static final double SEPARATE_LANES_M = 2.5;
    /** Paths closer than this (two half-length discs of 5 m cars, plus margin) conflict. */
    static final double CONFLICT_M = 5.5;
    /** Radius of the left-turn arcs: large enough that opposing left turns pass each other with discs apart. */
    static final double LEFT_TURN_RADIUS_M = 22;

    /** A vehicle movement: inbound lane, connector through the box, receiving lane. */
    static final class Movement {
        final int index;
        final int approach;
        final Turn turn;
        final int inLane;
        final int exitLeg;
        final int outLane;
        final Path path;
        final double sStop;
        final double sExit;
        final int signalGroup;
        /** Inbound and receiving lane keys: vehicles of one inbound (receiving) lane follow each other. */
        final int inKey;
        final int outKey;
        /** The rightmost inbound lane of its approach, where trucks drive. */
        final boolean outer;
        /** Whose light the movement obeys: the leg and turn its signal group is bound to. */
        final int lightApproach;
        final Turn lightTurn;
        final List<CrosswalkCrossing> crosswalks = new ArrayList<>();
        final List<MovementConflict> conflicts = new ArrayList<>();
        /** Highest comfortable speed at each path sample: curve speed, with room to decelerate into curves. */
        double[] advisorySpeed;

        Movement(int index, int approach, Turn turn, int inLane, int exitLeg, int outLane, Path path, double sStop, double sExit,
                 int signalGroup) {
            this(index, approach, turn, inLane, exitLeg, outLane, path, sStop, sExit, signalGroup, approach * 3 + inLane,
                    exitLeg * 2 + outLane, inLane == 2, approach, turn);
        }

        Movement(int index, int approach, Turn turn, int inLane, int exitLeg, int outLane, Path path, double sStop, double sExit,
                 int signalGroup, int inKey, int outKey, boolean outer, int lightApproach, Turn lightTurn) {
            this.index = index;
            this.approach = approach;
            this.turn = turn;
            this.inLane = inLane;
            this.exitLeg = exitLeg;
            this.outLane = outLane;
            this.path = path;
            this.sStop = sStop;
            this.sExit = sExit;
            this.signalGroup = signalGroup;
            this.inKey = inKey;
            this.outKey = outKey;
            this.outer = outer;
            this.lightApproach = lightApproach;
            this.lightTurn = lightTurn;
        }

        int inboundLaneKey() {
            return inKey;
        }

        int outboundLaneKey() {
            return outKey;
        }
    }

    /**
     * A VRU route: along a sidewalk to a corner, optionally across one crosswalk ({@code crosswalk} >= 0, between
     * {@code sCrossStart} and {@code sCrossEnd}, walking towards decreasing lambda when {@code lambdaSign} < 0), then
     * out along a sidewalk.
     */
    record VruRoute(Path path, int crosswalk, double sCrossStart, double sCrossEnd, int lambdaSign, int walkLeg, double originX,
                    double originY, double axisX, double axisY) {

        /** Position across the crosswalk, metres along its axis from its origin. */
        double lambda(double x, double y) {
            return (x - originX) * axisX + (y - originY) * axisY;
        }
    }

    /** A signal group of the SPaT and the indication it shows: a vehicle light (leg, turn) or a walk light (leg). */
    record SignalBinding(int signalGroup, int leg, Turn turn, boolean walk) {
    }

    static final double[][] INBOUND = {{0, -1}, {-1, 0}, {0, 1}, {1, 0}};
    static final int[] THROUGH_SIGNAL_GROUP = {6, 8, 2, 4};
    static final int[] LEFT_SIGNAL_GROUP = {1, 3, 5, 7};
    static final int CROSSWALK_SIGNAL_GROUP_BASE = 9;
    /** A crosswalk is 3 m wide; a vehicle yields with its front 1 m before it. */
    static final double CROSSWALK_HALF_WIDTH_M = 1.5;

    final double laneWidth;
    final double halfWidth;
    final double stopLine;
    final double crosswalkD;
    final double sidewalkOffset;
    final double approachLength;
    final List<Movement> movements = new ArrayList<>();
    /** VRU routes, three per entry (a sidewalk end): walk past the corner, cross and go on, cross and turn. */
    final List<VruRoute> vruRoutes = new ArrayList<>();
    /** conflict[a][b]: where movement a's path crosses movement b's, or null. */
    final MovementConflict[][] conflict;
    final int inboundLanes;
    final int outboundLanes;
    /** choices[approach][turn]: the movements an arrival of that approach and turn may take (through: inner first). */
    final List<List<List<Integer>>> choices = new ArrayList<>();
    final List<SignalBinding> signalGroups = new ArrayList<>();
    /** The MapData this layout was built from, or null when synthesized. */
    final MapData.IntersectionGeometry source;
    /** separate[a][b]: whether movements a and b are in separate lanes (see {@link #separateLanes}). */
    private final boolean[][] separate;

    Layout(SimulationConfig.Geometry g, SimulationConfig.Drivers drivers) {
        laneWidth = g.laneWidthM();
        halfWidth = 3 * laneWidth;
        stopLine = halfWidth + 9;
        crosswalkD = halfWidth + 4;
        sidewalkOffset = halfWidth + 4;
        approachLength = g.approachLengthM();
        inboundLanes = 12;
        outboundLanes = 8;
        source = null;
        buildMovements();
        buildVruRoutes();
        conflict = new MovementConflict[movements.size()][movements.size()];
        for (int k = 0; k < 4; k++) {
            choices.add(List.of(List.of(k * 4), List.of(k * 4 + 1, k * 4 + 2), List.of(k * 4 + 3)));
        }
        for (int k = 0; k < 4; k++) {
            signalGroups.add(new SignalBinding(LEFT_SIGNAL_GROUP[k], k, Turn.LEFT, false));
        }
        for (int k = 0; k < 4; k++) {
            signalGroups.add(new SignalBinding(THROUGH_SIGNAL_GROUP[k], k, Turn.THROUGH, false));
        }
        for (int leg = 0; leg < 4; leg++) {
            signalGroups.add(new SignalBinding(CROSSWALK_SIGNAL_GROUP_BASE + leg, leg, Turn.THROUGH, true));
        }
        for (Movement m : movements) {
            m.advisorySpeed = advisorySpeed(m.path, drivers.turnLateralAccelMps2(), drivers.comfortDecelMps2() * 0.75);
            findCrosswalkCrossings(m);
            for (Movement o : movements) {
                if (o.approach != m.approach) {
                    findConflict(m, o);
                }
            }
        }
        separate = separateLanes();
    }

    /**
     * A layout built from a MapData (see {@link MapLayout}): movements, VRU routes (three per entry), crosswalk
     * centre lines (one per crosswalk: origin, axis and length, plus the leg), lane counts and signal bindings.
     */
    Layout(MapData.IntersectionGeometry source, double laneWidth, double stopLine, double approachLength, List<Movement> movements,
           List<VruRoute> vruRoutes, List<CrosswalkLine> crosswalkLines, int inboundLanes, int outboundLanes,
           List<List<List<Integer>>> choices, List<SignalBinding> signalGroups, SimulationConfig.Drivers drivers) {
        this.source = source;
        this.laneWidth = laneWidth;
        this.halfWidth = Double.NaN;
        this.stopLine = stopLine;
        this.crosswalkD = Double.NaN;
        this.sidewalkOffset = Double.NaN;
        this.approachLength = approachLength;
        this.inboundLanes = inboundLanes;
        this.outboundLanes = outboundLanes;
        this.movements.addAll(movements);
        this.vruRoutes.addAll(vruRoutes);
        this.choices.addAll(choices);
        this.signalGroups.addAll(signalGroups);
        conflict = new MovementConflict[movements.size()][movements.size()];
        for (Movement m : movements) {
            m.advisorySpeed = advisorySpeed(m.path, drivers.turnLateralAccelMps2(), drivers.comfortDecelMps2() * 0.75);
            for (CrosswalkLine c : crosswalkLines) {
                findCrossing(m, c);
            }
            for (Movement o : movements) {
                if (o.approach != m.approach) {
                    findConflict(m, o);
                }
            }
        }
        separate = separateLanes();
    }

    /** A crosswalk's centre line: from (x0, y0) along the unit axis for {@code length} metres, across leg {@code leg}. */
    record CrosswalkLine(int index, int leg, double x0, double y0, double axisX, double axisY, double length) {
    }

    /**
     * Whether movements a and b are in separate lanes: vehicles on them pass in adjacent or opposing lanes (or as
     * opposing left turns) and their bodies never touch. Where the paths run parallel (within 20 degrees, either
     * direction) their centre lines stay at least {@link #SEPARATE_LANES_M} apart, elsewhere at least
     * {@link #CONFLICT_M} (a body's corner reaches further sideways across an angled path).
     */
    boolean separateLanes(int a, int b) {
        return separate[a][b];
    }

    private boolean[][] separateLanes() {
        int n = movements.size();
        boolean[][] out = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                boolean apart = pathsApart(movements.get(i).path, movements.get(j).path);
                out[i][j] = apart;
                out[j][i] = apart;
            }
        }
        return out;
    }

    /** The test of {@link #separateLanes} on a's samples 1 m apart (and its last), each to b's nearest sample. */
    private static boolean pathsApart(Path a, Path b) {
        int stride = (int) Math.round(1.0 / Path.DS);
        int last = a.samples() - 1;
        for (int i = 0; i <= last; i = i == last ? last + 1 : Math.min(i + stride, last)) {
            double sb = b.nearestS(a.sampleX(i), a.sampleY(i), 0, b.length());
            double d = Math.hypot(a.sampleX(i) - b.x(sb), a.sampleY(i) - b.y(sb));
            double angle = Math.abs(Path.wrap(a.theta(i * Path.DS) - b.theta(sb)));
            boolean parallel = angle < Math.toRadians(20) || angle > Math.toRadians(160);
            if (d < (parallel ? SEPARATE_LANES_M : CONFLICT_M)) {
                return false;
            }
        }
        return true;
    }

    int vruEntries() {
        return vruRoutes.size() / 3;
    }

    /** Where a movement's path first crosses a crosswalk's centre line within its length (generic geometry). */
    private static void findCrossing(Movement m, CrosswalkLine c) {
        Path p = m.path;
        double prev = Double.NaN;
        double sEdge = Double.NaN;
        for (int i = 0; i < p.samples(); i++) {
            double dx = p.sampleX(i) - c.x0();
            double dy = p.sampleY(i) - c.y0();
            double lambda = dx * c.axisX() + dy * c.axisY();
            double along = dx * c.axisY() - dy * c.axisX();
            boolean within = lambda >= 0 && lambda <= c.length();
            if (within && Double.isNaN(sEdge) && Math.abs(along) <= CROSSWALK_HALF_WIDTH_M + 1.0) {
                sEdge = i * Path.DS;
            }
            if (within && !Double.isNaN(prev) && Math.signum(prev) != Math.signum(along)) {
                m.crosswalks.add(new CrosswalkCrossing(c.index(), c.leg(), Double.isNaN(sEdge) ? i * Path.DS : sEdge, i * Path.DS, lambda));
                return;
            }
            prev = within ? along : Double.NaN;
        }
    }

    static double ux(int leg) {
        return -INBOUND[leg][0];
    }

    static double uy(int leg) {
        return -INBOUND[leg][1];
    }

    /** The inbound traffic's right-hand normal of a leg. */
    static double rx(int leg) {
        return INBOUND[leg][1];
    }

    static double ry(int leg) {
        return -INBOUND[leg][0];
    }

    /** Lateral offset (along r) of inbound lane i (0 = left-turn lane). */
    double inboundOffset(int lane) {
        return (lane + 0.5) * laneWidth;
    }

    /** Lateral offset (along -r) of receiving lane j (0 = inner), beside a one-lane median. */
    double outboundOffset(int lane) {
        return (lane + 1.5) * laneWidth;
    }

    private void buildMovements() {
        for (int k = 0; k < 4; k++) {
            addMovement(k, Turn.LEFT, 0, (k + 1) % 4, 0);
            addMovement(k, Turn.THROUGH, 1, (k + 2) % 4, 0);
            addMovement(k, Turn.THROUGH, 2, (k + 2) % 4, 1);
            addMovement(k, Turn.RIGHT, 2, (k + 3) % 4, 1);
        }
    }

    private void addMovement(int k, Turn turn, int inLane, int leg, int outLane) {
        double o = inboundOffset(inLane);
        double oo = outboundOffset(outLane);
        double sx = ux(k) * approachLength + rx(k) * o;
        double sy = uy(k) * approachLength + ry(k) * o;
        double p0x = ux(k) * stopLine + rx(k) * o;
        double p0y = uy(k) * stopLine + ry(k) * o;
        double p3x = ux(leg) * stopLine - rx(leg) * oo;
        double p3y = uy(leg) * stopLine - ry(leg) * oo;
        double ex = ux(leg) * approachLength - rx(leg) * oo;
        double ey = uy(leg) * approachLength - ry(leg) * oo;
        Path.Builder b = new Path.Builder().start(sx, sy).lineTo(p0x, p0y);
        double dx = INBOUND[k][0];
        double dy = INBOUND[k][1];
        if (turn == Turn.THROUGH) {
            b.lineTo(p3x, p3y);
        } else if (turn == Turn.LEFT) {
            double r = LEFT_TURN_RADIUS_M;
            double a = oo + stopLine - r;
            double pax = p0x + dx * a;
            double pay = p0y + dy * a;
            double lx = -rx(k);
            double ly = -ry(k);
            double cx = pax + r * lx;
            double cy = pay + r * ly;
            double a0 = Math.atan2(pay - cy, pax - cx);
            b.lineTo(pax, pay).arc(cx, cy, r, a0, a0 + Math.PI / 2);
        } else {
            // entry handle reaching the corner of the two lane lines: zero curvature at the exit, so that a
            // constant-turn-rate prediction at the end of the turn runs along the receiving lane, not into the sidewalk
            double h1 = Math.abs((p3x - p0x) * dx + (p3y - p0y) * dy);
            double h2 = 0.5523 * Math.abs((p3x - p0x) * ux(leg) + (p3y - p0y) * uy(leg));
            b.curveTo(p0x + dx * h1, p0y + dy * h1, p3x - ux(leg) * h2, p3y - uy(leg) * h2, p3x, p3y);
        }
        Path path = b.lineTo(ex, ey).build();
        double sStop = approachLength - stopLine;
        double sExit = path.length() - (approachLength - stopLine);
        int sg = turn == Turn.LEFT ? LEFT_SIGNAL_GROUP[k] : THROUGH_SIGNAL_GROUP[k];
        movements.add(new Movement(movements.size(), k, turn, inLane, leg, outLane, path, sStop, sExit, sg));
    }

    private static double[] advisorySpeed(Path p, double lateralAccel, double decel) {
        double[] v = new double[p.samples()];
        for (int i = 0; i < v.length; i++) {
            double k = Math.abs(p.curvature(i * Path.DS));
            v[i] = k > 1e-4 ? Math.sqrt(lateralAccel / k) : 100;
        }
        for (int i = v.length - 2; i >= 0; i--) {
            v[i] = Math.min(v[i], Math.sqrt(v[i + 1] * v[i + 1] + 2 * decel * Path.DS));
        }
        return v;
    }

    static double advisory(Movement m, double s) {
        int i = (int) (s / Path.DS);
        return m.advisorySpeed[Math.max(0, Math.min(m.advisorySpeed.length - 1, i))];
    }

    private void findCrosswalkCrossings(Movement m) {
        Path p = m.path;
        for (int leg = 0; leg < 4; leg++) {
            double prev = Double.NaN;
            double sEdge = Double.NaN;
            for (int i = 0; i < p.samples(); i++) {
                double along = p.sampleX(i) * ux(leg) + p.sampleY(i) * uy(leg) - crosswalkD;
                double lambda = p.sampleX(i) * rx(leg) + p.sampleY(i) * ry(leg);
                boolean onLeg = Math.abs(lambda) <= sidewalkOffset && p.sampleX(i) * ux(leg) + p.sampleY(i) * uy(leg) > 0;
                if (onLeg && Double.isNaN(sEdge) && Math.abs(along) <= CROSSWALK_HALF_WIDTH_M + 1.0) {
                    sEdge = i * Path.DS;
                }
                if (onLeg && !Double.isNaN(prev) && Math.signum(prev) != Math.signum(along)) {
                    m.crosswalks.add(new CrosswalkCrossing(leg, leg, sEdge, i * Path.DS, lambda));
                    break;
                }
                prev = along;
            }
        }
    }

    /** Records where m's path first comes within 2.5 m of o's path inside the box, if it does. */
    private void findConflict(Movement m, Movement o) {
        Path a = m.path;
        Path b = o.path;
        int from = (int) ((m.sStop - 4) / Path.DS);
        int to = (int) ((m.sExit + 4) / Path.DS);
        for (int i = Math.max(0, from); i <= Math.min(a.samples() - 1, to); i++) {
            double sb = b.nearestS(a.sampleX(i), a.sampleY(i), o.sStop - 8, o.sExit + 8);
            double d = Math.hypot(a.sampleX(i) - b.x(sb), a.sampleY(i) - b.y(sb));
            double headingDiff = Math.abs(Path.wrap(a.theta(i * Path.DS) - b.theta(sb)));
            if (d < CONFLICT_M && headingDiff > Math.toRadians(20)) {
                double sClear = 0;
                for (int j = i; j >= 0; j--) {
                    double sj = b.nearestS(a.sampleX(j), a.sampleY(j), 0, b.length());
                    if (Math.hypot(a.sampleX(j) - b.x(sj), a.sampleY(j) - b.y(sj)) >= CLEARANCE_M) {
                        sClear = j * Path.DS;
                        break;
                    }
                }
                MovementConflict mc = new MovementConflict(o.index, i * Path.DS, sb, sClear);
                m.conflicts.add(mc);
                conflict[m.index][o.index] = mc;
                return;
            }
        }
    }

    double cornerX(int leg, int side) {
        return ux(leg) * sidewalkOffset + side * rx(leg) * sidewalkOffset;
    }

    double cornerY(int leg, int side) {
        return uy(leg) * sidewalkOffset + side * ry(leg) * sidewalkOffset;
    }

    /** The other (leg, side) whose sidewalk meets (leg, side)'s at its corner. */
    int[] adjacentSidewalk(int leg, int side) {
        for (int l = 0; l < 4; l++) {
            for (int s = -1; s <= 1; s += 2) {
                if (l != leg && Math.abs(cornerX(l, s) - cornerX(leg, side)) < 1e-6 && Math.abs(cornerY(l, s) - cornerY(leg, side)) < 1e-6) {
                    return new int[] {l, s};
                }
            }
        }
        throw new IllegalStateException("no sidewalk meets leg " + leg + " side " + side);
    }

    private void buildVruRoutes() {
        for (int leg = 0; leg < 4; leg++) {
            for (int side = -1; side <= 1; side += 2) {
                int[] here = adjacentSidewalk(leg, side);
                int[] there = adjacentSidewalk(leg, -side);
                vruRoutes.add(route(leg, side, -1, here[0], here[1]));
                vruRoutes.add(route(leg, side, leg, leg, -side));
                vruRoutes.add(route(leg, side, leg, there[0], there[1]));
            }
        }
    }

    private VruRoute route(int leg, int side, int crossLeg, int outLeg, int outSide) {
        double inX = ux(leg) * approachLength + side * rx(leg) * sidewalkOffset;
        double inY = uy(leg) * approachLength + side * ry(leg) * sidewalkOffset;
        double outX = ux(outLeg) * approachLength + outSide * rx(outLeg) * sidewalkOffset;
        double outY = uy(outLeg) * approachLength + outSide * ry(outLeg) * sidewalkOffset;
        Path.Builder b = new Path.Builder().start(inX, inY).lineTo(cornerX(leg, side), cornerY(leg, side));
        double sCrossStart = approachLength - sidewalkOffset;
        double sCrossEnd = sCrossStart;
        if (crossLeg >= 0) {
            b.lineTo(cornerX(leg, -side), cornerY(leg, -side));
            sCrossEnd = sCrossStart + 2 * sidewalkOffset;
        }
        Path p = b.lineTo(outX, outY).build();
        return new VruRoute(p, crossLeg, sCrossStart, sCrossEnd, -side, crossLeg, 0, 0, crossLeg >= 0 ? rx(crossLeg) : 0,
                crossLeg >= 0 ? ry(crossLeg) : 0);
    }
}
