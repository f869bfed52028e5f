package org.trafficsafety.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trafficsafety.analysis.geometry.LocalFrame;
import org.trafficsafety.message.MapData;
import org.trafficsafety.simulation.Layout.CrosswalkLine;
import org.trafficsafety.simulation.Layout.Movement;
import org.trafficsafety.simulation.Layout.SignalBinding;
import org.trafficsafety.simulation.Layout.Turn;
import org.trafficsafety.simulation.Layout.VruRoute;

/**
 * Builds a {@link Layout} from a MapData intersection geometry, in the local frame of its reference point: each
 * vehicle lane is assigned to the leg (north, east, south, west) its nodes run out towards, cut or extended straight to
 * the approach length; each connection becomes a movement (ingress lane, a connector through the box shaped by the
 * turn, egress lane); crosswalks become VRU routes with sidewalks 4 m beyond the outermost lane; signal groups are
 * bound to the fixed-time plan's indication of the first movement (or crosswalk) that uses them.
 */
final class MapLayout {

    /** The layout, or null with the reason it could not be built. */
    record Result(Layout layout, String problem) {
    }

    /** Sidewalks run this far beyond the outer edge of the outermost lane of a leg (as in the synthesized layout). */
    private static final double SIDEWALK_CLEARANCE_M = 4;
    /** Right-turn Bézier handle of the exit side (as in the synthesized layout: zero curvature at the exit). */
    private static final double RIGHT_HANDLE = 0.5523;

    private record LaneGeometry(MapData.Lane lane, int leg, double[] xs, double[] ys, double length) {
    }

    private MapLayout() {
    }

    static Result build(MapData.IntersectionGeometry g, SimulationConfig.Geometry geometry, SimulationConfig.Drivers drivers) {
        LocalFrame frame = new LocalFrame(g.refLatitude(), g.refLongitude());
        double far = geometry.approachLengthM();
        double laneWidth = g.laneWidthM() >= 2.5 && g.laneWidthM() <= 5 ? g.laneWidthM() : geometry.laneWidthM();
        Map<Integer, LaneGeometry> ingress = new LinkedHashMap<>();
        Map<Integer, LaneGeometry> egress = new HashMap<>();
        List<MapData.Lane> crosswalkLanes = new ArrayList<>();
        double[] lateralMin = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] lateralMax = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        double[][] legDirection = new double[4][2];
        for (MapData.Lane lane : g.lanes()) {
            if (lane.laneType() == MapData.LaneType.CROSSWALK && lane.nodes().size() >= 2) {
                crosswalkLanes.add(lane);
            }
            if (lane.laneType() != MapData.LaneType.VEHICLE || lane.nodes().size() < 2 || !(lane.ingress() || lane.egress())) {
                continue;
            }
            LaneGeometry lg = outward(lane, frame, far);
            if (lg == null) {
                continue;
            }
            // lateral extent of the leg at the stop lines, where its crosswalk is
            double lat = lateral(lg);
            lateralMin[lg.leg()] = Math.min(lateralMin[lg.leg()], lat);
            lateralMax[lg.leg()] = Math.max(lateralMax[lg.leg()], lat);
            double length = Math.hypot(lg.xs()[lg.xs().length - 1] - lg.xs()[0], lg.ys()[lg.ys().length - 1] - lg.ys()[0]);
            legDirection[lg.leg()][0] += (lg.xs()[lg.xs().length - 1] - lg.xs()[0]) / length;
            legDirection[lg.leg()][1] += (lg.ys()[lg.ys().length - 1] - lg.ys()[0]) / length;
            if (lane.ingress()) {
                ingress.put(lane.laneId(), lg);
            } else {
                egress.put(lane.laneId(), lg);
            }
        }
        if (ingress.isEmpty() || egress.isEmpty()) {
            return new Result(null, "no ingress or no egress vehicle lane with two nodes inside " + far + " m");
        }
        // lane keys: ingress lanes of a leg ordered from the centre line (left) outward, like the synthesized lanes
        List<LaneGeometry> ins = new ArrayList<>(ingress.values());
        ins.sort(Comparator.comparingInt(LaneGeometry::leg).thenComparingDouble(MapLayout::lateral));
        List<LaneGeometry> outs = new ArrayList<>(egress.values());
        outs.sort(Comparator.comparingInt(LaneGeometry::leg).thenComparingDouble(l -> -lateral(l)));
        Map<Integer, Integer> outKey = new HashMap<>();
        for (LaneGeometry l : outs) {
            outKey.put(l.lane().laneId(), outKey.size());
        }
        List<Movement> movements = new ArrayList<>();
        List<List<List<Integer>>> choices = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            choices.add(List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        }
        Map<Integer, SignalBinding> bindings = new LinkedHashMap<>();
        int legsServed = 0;
        double stopLine = 0;
        for (int inKey = 0; inKey < ins.size(); inKey++) {
            LaneGeometry in = ins.get(inKey);
            boolean outer = inKey == ins.size() - 1 || ins.get(inKey + 1).leg() != in.leg();
            int inLane = 0;
            while (inKey - inLane - 1 >= 0 && ins.get(inKey - inLane - 1).leg() == in.leg()) {
                inLane++;
            }
            for (MapData.Connection c : in.lane().connections()) {
                LaneGeometry out = egress.get(c.connectingLaneId());
                if (out == null) {
                    continue;
                }
                double dInX = in.xs()[0] - in.xs()[1];
                double dInY = in.ys()[0] - in.ys()[1];
                double nIn = Math.hypot(dInX, dInY);
                double dOutX = out.xs()[1] - out.xs()[0];
                double dOutY = out.ys()[1] - out.ys()[0];
                double nOut = Math.hypot(dOutX, dOutY);
                double angle = Math.toDegrees(Path.wrap(Math.atan2(dOutY, dOutX) - Math.atan2(dInY, dInX)));
                if (Math.abs(angle) > 135) {
                    continue;
                }
                Turn turn = angle > 45 ? Turn.LEFT : angle < -45 ? Turn.RIGHT : Turn.THROUGH;
                Path path = connect(in, out, dInX / nIn, dInY / nIn, dOutX / nOut, dOutY / nOut, turn);
                double sStop = in.length();
                double sExit = path.length() - out.length();
                if (sExit <= sStop) {
                    continue;
                }
                int group = c.signalGroup() > 0 ? c.signalGroup()
                        : turn == Turn.LEFT ? Layout.LEFT_SIGNAL_GROUP[in.leg()] : Layout.THROUGH_SIGNAL_GROUP[in.leg()];
                SignalBinding b = bindings.computeIfAbsent(group,
                        gr -> new SignalBinding(gr, in.leg(), turn == Turn.LEFT ? Turn.LEFT : Turn.THROUGH, false));
                int index = movements.size();
                int outLane = outKey.get(out.lane().laneId());
                int firstOut = outLane;
                while (firstOut > 0 && outs.get(firstOut - 1).leg() == out.leg()) {
                    firstOut--;
                }
                movements.add(new Movement(index, in.leg(), turn, inLane, out.leg(), outLane - firstOut, path, sStop, sExit, group,
                        inKey, outLane, outer, b.walk() ? in.leg() : b.leg(), b.walk() ? Turn.THROUGH : b.turn()));
                choices.get(in.leg()).get(turn.ordinal()).add(index);
                stopLine = Math.max(stopLine, Math.abs(in.xs()[0] * Layout.ux(in.leg()) + in.ys()[0] * Layout.uy(in.leg())));
            }
        }
        for (int k = 0; k < 4; k++) {
            List<Integer> through = choices.get(k).get(Turn.THROUGH.ordinal());
            through.sort(Comparator.comparingInt(i -> movements.get(i).inKey));
            legsServed += choices.get(k).stream().anyMatch(l -> !l.isEmpty()) ? 1 : 0;
        }
        if (movements.isEmpty()) {
            return new Result(null, "no connection joins an ingress lane to an egress vehicle lane");
        }
        if (legsServed < 2) {
            return new Result(null, "connections leave from only " + legsServed + " leg");
        }
        List<CrosswalkLine> crosswalks = new ArrayList<>();
        for (MapData.Lane lane : crosswalkLanes) {
            CrosswalkLine line = crosswalk(lane, frame, crosswalks.size(), laneWidth, lateralMin, lateralMax);
            if (line != null) {
                crosswalks.add(line);
                int group = lane.connections().isEmpty() || lane.connections().getFirst().signalGroup() <= 0
                        ? Layout.CROSSWALK_SIGNAL_GROUP_BASE + line.leg() : lane.connections().getFirst().signalGroup();
                bindings.putIfAbsent(group, new SignalBinding(group, line.leg(), Turn.THROUGH, true));
            }
        }
        for (int k = 0; k < 4; k++) {
            double n = Math.hypot(legDirection[k][0], legDirection[k][1]);
            legDirection[k] = n > 0 ? new double[] {legDirection[k][0] / n, legDirection[k][1] / n} : new double[] {Layout.ux(k), Layout.uy(k)};
        }
        List<VruRoute> routes = vruRoutes(crosswalks, legDirection, far);
        Layout layout = new Layout(g, laneWidth, Math.max(stopLine, 10), far, movements, routes, crosswalks, ins.size(), outs.size(),
                choices, List.copyOf(bindings.values()), drivers);
        return new Result(layout, null);
    }

    private static double lateral(LaneGeometry l) {
        return l.xs()[0] * Layout.rx(l.leg()) + l.ys()[0] * Layout.ry(l.leg());
    }

    /**
     * A lane's polyline in local metres from its first node (the stop line) outward, cut where it reaches the approach
     * length along its leg or extended straight to it; null when it starts beyond it.
     */
    private static LaneGeometry outward(MapData.Lane lane, LocalFrame frame, double far) {
        int n = lane.nodes().size();
        double[] px = new double[n];
        double[] py = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = frame.east(lane.nodes().get(i).longitude());
            py[i] = frame.north(lane.nodes().get(i).latitude());
        }
        double dx = px[n - 1] - px[0];
        double dy = py[n - 1] - py[0];
        if (Math.hypot(dx, dy) < 1) {
            return null;
        }
        int leg = legOf(dx, dy);
        double ux = Layout.ux(leg);
        double uy = Layout.uy(leg);
        if (px[0] * ux + py[0] * uy >= far) {
            return null;
        }
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[] {px[0], py[0]});
        double length = 0;
        for (int i = 1; i < n; i++) {
            double a0 = px[i - 1] * ux + py[i - 1] * uy;
            double a1 = px[i] * ux + py[i] * uy;
            double segment = Math.hypot(px[i] - px[i - 1], py[i] - py[i - 1]);
            if (a1 >= far) {
                double f = a1 > a0 ? (far - a0) / (a1 - a0) : 0;
                pts.add(new double[] {px[i - 1] + f * (px[i] - px[i - 1]), py[i - 1] + f * (py[i] - py[i - 1])});
                return geometry(lane, leg, pts, length + f * segment);
            }
            if (segment > 1e-6) {
                pts.add(new double[] {px[i], py[i]});
                length += segment;
            }
        }
        // extend along the last segment, or straight out along the leg when that segment does not lead outward
        double[] last = pts.getLast();
        double[] before = pts.get(pts.size() - 2);
        double ex = last[0] - before[0];
        double ey = last[1] - before[1];
        double norm = Math.hypot(ex, ey);
        double outwardRate = (ex * ux + ey * uy) / norm;
        if (outwardRate < 0.5) {
            ex = ux;
            ey = uy;
            outwardRate = 1;
        } else {
            ex /= norm;
            ey /= norm;
        }
        double extra = (far - (last[0] * ux + last[1] * uy)) / outwardRate;
        if (extra > 1e-6) {
            pts.add(new double[] {last[0] + ex * extra, last[1] + ey * extra});
            length += extra;
        }
        return geometry(lane, leg, pts, length);
    }

    private static LaneGeometry geometry(MapData.Lane lane, int leg, List<double[]> pts, double length) {
        double[] xs = new double[pts.size()];
        double[] ys = new double[pts.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = pts.get(i)[0];
            ys[i] = pts.get(i)[1];
        }
        return new LaneGeometry(lane, leg, xs, ys, length);
    }

    /** The leg (0 north, 1 east, 2 south, 3 west) a direction points out towards. */
    private static int legOf(double dx, double dy) {
        return Math.abs(dy) >= Math.abs(dx) ? (dy > 0 ? 0 : 2) : (dx > 0 ? 1 : 3);
    }

    /**
     * Ingress lane inward, a connector (straight; left: a 22 m fillet arc, tighter if the box is small; right: the
     * synthesized layout's Bézier), egress lane outward. The arc may end beyond the egress lane's first node: the path
     * then joins the egress lane where the arc ends.
     */
    private static Path connect(LaneGeometry in, LaneGeometry out, double dInX, double dInY, double dOutX, double dOutY, Turn turn) {
        Path.Builder b = new Path.Builder().start(in.xs()[in.xs().length - 1], in.ys()[in.ys().length - 1]);
        for (int i = in.xs().length - 2; i >= 0; i--) {
            b.lineTo(in.xs()[i], in.ys()[i]);
        }
        double p0x = in.xs()[0];
        double p0y = in.ys()[0];
        double p3x = out.xs()[0];
        double p3y = out.ys()[0];
        double joinAlong = 0;
        boolean done = false;
        if (turn == Turn.LEFT) {
            // X: where the inbound line meets the receiving line
            double cross = dInX * dOutY - dInY * dOutX;
            double t = ((p3x - p0x) * dOutY - (p3y - p0y) * dOutX) / cross;
            double xx = p0x + t * dInX;
            double xy = p0y + t * dInY;
            double theta = Math.abs(Math.atan2(cross, dInX * dOutX + dInY * dOutY));
            double tan = Math.tan(theta / 2);
            double roomOut = out.length() + (p3x - xx) * dOutX + (p3y - xy) * dOutY - 5;
            double r = Math.min(Layout.LEFT_TURN_RADIUS_M, Math.min(t, roomOut) / tan);
            if (r >= 3) {
                double e = r * tan;
                double t1x = xx - dInX * e;
                double t1y = xy - dInY * e;
                double cx = t1x - dInY * r;
                double cy = t1y + dInX * r;
                double a0 = Math.atan2(t1y - cy, t1x - cx);
                b.lineTo(t1x, t1y).arc(cx, cy, r, a0, a0 + theta);
                joinAlong = (xx + dOutX * e - p3x) * dOutX + (xy + dOutY * e - p3y) * dOutY;
                done = true;
            }
        } else if (turn == Turn.THROUGH) {
            b.lineTo(p3x, p3y);
            done = true;
        }
        if (!done) {
            double h1 = Math.abs((p3x - p0x) * dInX + (p3y - p0y) * dInY);
            double h2 = RIGHT_HANDLE * Math.abs((p3x - p0x) * dOutX + (p3y - p0y) * dOutY);
            b.curveTo(p0x + dInX * h1, p0y + dInY * h1, p3x - dOutX * h2, p3y - dOutY * h2, p3x, p3y);
        }
        for (int i = 1; i < out.xs().length; i++) {
            double along = (out.xs()[i] - p3x) * dOutX + (out.ys()[i] - p3y) * dOutY;
            if (along > joinAlong + 1e-6) {
                b.lineTo(out.xs()[i], out.ys()[i]);
            }
        }
        return b.build();
    }

    /**
     * A crosswalk lane's centre line from its first to its last node, assigned to the leg its middle lies on and
     * extended at either end to the sidewalks (4 m beyond the leg's outermost lanes); null when it does not run across
     * its leg.
     */
    private static CrosswalkLine crosswalk(MapData.Lane lane, LocalFrame frame, int index, double laneWidth, double[] lateralMin,
                                           double[] lateralMax) {
        MapData.GeoPoint first = lane.nodes().getFirst();
        MapData.GeoPoint last = lane.nodes().getLast();
        double ax = frame.east(first.longitude());
        double ay = frame.north(first.latitude());
        double bx = frame.east(last.longitude());
        double by = frame.north(last.latitude());
        double length = Math.hypot(bx - ax, by - ay);
        if (length < 2) {
            return null;
        }
        int leg = legOf((ax + bx) / 2, (ay + by) / 2);
        double axisX = (bx - ax) / length;
        double axisY = (by - ay) / length;
        double across = axisX * Layout.rx(leg) + axisY * Layout.ry(leg);
        if (Math.abs(across) < 0.7 || lateralMin[leg] > lateralMax[leg]) {
            return null;
        }
        // lateral position (along the leg's right normal) of the two ends, extended to the sidewalks
        double latA = ax * Layout.rx(leg) + ay * Layout.ry(leg);
        double latB = bx * Layout.rx(leg) + by * Layout.ry(leg);
        double lo = lateralMin[leg] - laneWidth / 2 - SIDEWALK_CLEARANCE_M;
        double hi = lateralMax[leg] + laneWidth / 2 + SIDEWALK_CLEARANCE_M;
        double startLat = across > 0 ? Math.min(latA, lo) : Math.max(latA, hi);
        double endLat = across > 0 ? Math.max(latB, hi) : Math.min(latB, lo);
        double before = Math.abs(latA - startLat) / Math.abs(across);
        double after = Math.abs(endLat - latB) / Math.abs(across);
        double x0 = ax - axisX * before;
        double y0 = ay - axisY * before;
        return new CrosswalkLine(index, leg, x0, y0, axisX, axisY, length + before + after);
    }

    /**
     * Three routes per crosswalk end, as in the synthesized layout: in along the sidewalk of the crosswalk's leg, then
     * past the corner onto the nearest other leg's sidewalk; across and back out along the same leg; across and round
     * the far corner. Without a crosswalk on another leg, "past" and "round the corner" routes cross and go straight on.
     */
    private static List<VruRoute> vruRoutes(List<CrosswalkLine> crosswalks, double[][] dir, double far) {
        List<VruRoute> routes = new ArrayList<>();
        for (CrosswalkLine c : crosswalks) {
            for (int end = 0; end < 2; end++) {
                double[] e = end(c, end);
                double[] f = end(c, 1 - end);
                int sign = end == 0 ? 1 : -1;
                double[] nearE = nearestOtherEnd(crosswalks, c, e);
                double[] nearF = nearestOtherEnd(crosswalks, c, f);
                VruRoute across = crossing(c, e, f, null, 0, dir, far, sign);
                routes.add(nearE == null ? across : past(c, e, nearE, dir, far));
                routes.add(across);
                routes.add(nearF == null ? across : crossing(c, e, f, nearF, (int) nearF[2], dir, far, sign));
            }
        }
        return routes;
    }

    private static double[] end(CrosswalkLine c, int end) {
        double d = end == 0 ? 0 : c.length();
        return new double[] {c.x0() + c.axisX() * d, c.y0() + c.axisY() * d};
    }

    /** The nearest end of a crosswalk on another leg: {x, y, leg}, or null. */
    private static double[] nearestOtherEnd(List<CrosswalkLine> crosswalks, CrosswalkLine self, double[] p) {
        double[] best = null;
        double bestD = Double.MAX_VALUE;
        for (CrosswalkLine o : crosswalks) {
            if (o.leg() == self.leg()) {
                continue;
            }
            for (int end = 0; end < 2; end++) {
                double[] q = end(o, end);
                double d = Math.hypot(q[0] - p[0], q[1] - p[1]);
                if (d < bestD) {
                    bestD = d;
                    best = new double[] {q[0], q[1], o.leg()};
                }
            }
        }
        return best;
    }

    /** The point where the sidewalk through p along direction a meets the sidewalk through q along b (p if parallel). */
    private static double[] corner(double[] p, double[] a, double[] q, double[] b) {
        double cross = a[0] * b[1] - a[1] * b[0];
        if (Math.abs(cross) < 0.1) {
            return p;
        }
        double t = ((q[0] - p[0]) * b[1] - (q[1] - p[1]) * b[0]) / cross;
        return new double[] {p[0] + t * a[0], p[1] + t * a[1]};
    }

    /** Where the sidewalk through p, running out along its leg's lanes, reaches the approach length. */
    private static double[] sidewalkEnd(double[] p, int leg, double[] dir, double far) {
        double rate = dir[0] * Layout.ux(leg) + dir[1] * Layout.uy(leg);
        double d = Math.max(0, far - (p[0] * Layout.ux(leg) + p[1] * Layout.uy(leg))) / rate;
        return new double[] {p[0] + dir[0] * d, p[1] + dir[1] * d};
    }

    private static VruRoute past(CrosswalkLine c, double[] e, double[] g, double[][] dir, double far) {
        int other = (int) g[2];
        double[] in = sidewalkEnd(e, c.leg(), dir[c.leg()], far);
        double[] corner = corner(e, dir[c.leg()], g, dir[other]);
        double[] out = sidewalkEnd(g, other, dir[other], far);
        Path p = new Path.Builder().start(in[0], in[1]).lineTo(corner[0], corner[1]).lineTo(out[0], out[1]).build();
        double s = Math.hypot(corner[0] - in[0], corner[1] - in[1]);
        return new VruRoute(p, -1, s, s, 1, c.leg(), c.x0(), c.y0(), c.axisX(), c.axisY());
    }

    private static VruRoute crossing(CrosswalkLine c, double[] e, double[] f, double[] g, int gLeg, double[][] dir, double far,
                                     int sign) {
        double[] in = sidewalkEnd(e, c.leg(), dir[c.leg()], far);
        Path.Builder b = new Path.Builder().start(in[0], in[1]).lineTo(e[0], e[1]).lineTo(f[0], f[1]);
        if (g == null) {
            double[] out = sidewalkEnd(f, c.leg(), dir[c.leg()], far);
            b.lineTo(out[0], out[1]);
        } else {
            double[] corner = corner(f, dir[c.leg()], g, dir[gLeg]);
            double[] out = sidewalkEnd(g, gLeg, dir[gLeg], far);
            b.lineTo(corner[0], corner[1]).lineTo(out[0], out[1]);
        }
        double start = Math.hypot(e[0] - in[0], e[1] - in[1]);
        return new VruRoute(b.build(), c.index(), start, start + c.length(), sign, c.leg(), c.x0(), c.y0(), c.axisX(), c.axisY());
    }
}
