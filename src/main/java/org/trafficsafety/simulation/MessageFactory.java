package org.trafficsafety.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.geometry.LocalFrame;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.MapData;
import org.trafficsafety.message.Psm;
import org.trafficsafety.message.Spat;

/**
 * Turns exact simulated state into what devices would send: BSM and PSM with GNSS noise, msgCnt and secMark, SPaT
 * from the signal plan and MapData from the layout (absolute lat/lon nodes).
 */
final class MessageFactory {

    private final LocalFrame frame;
    private final SimulationConfig.Noise noise;
    private final SimulationConfig.Messaging messaging;
    private final SplittableRandom rng;
    private final double bsmRho;
    private final double psmRho;

    MessageFactory(LocalFrame frame, SimulationConfig config, SplittableRandom rng) {
        this.frame = frame;
        this.noise = config.noise();
        this.messaging = config.messaging();
        this.rng = rng;
        this.bsmRho = rho(messaging.bsmPeriodMs());
        this.psmRho = rho(messaging.psmPeriodMs());
    }

    private double rho(int periodMs) {
        return noise.gpsCorrelationS() > 0 ? Math.exp(-periodMs / 1000.0 / noise.gpsCorrelationS()) : 0;
    }

    Bsm bsm(Vehicle v, long tMs) {
        boolean first = Double.isNaN(v.noiseX);
        v.msgCnt = (v.msgCnt + 1) & 127;
        double[] e = nextError(v.noiseX, v.noiseY, bsmRho, first);
        v.noiseX = e[0];
        v.noiseY = e[1];
        double x = v.x() + e[0];
        double y = v.y() + e[1];
        double speed = Math.max(0, v.v + noise.speedSigmaMps() * rng.nextGaussian());
        double heading = compass(v.theta()) + noise.headingSigmaDeg() * rng.nextGaussian();
        double curvature = v.mv.path.curvature(v.s);
        return new Bsm(v.id, v.msgCnt, (int) Math.floorMod(tMs, 60_000L), tMs, tMs + messaging.latencyMs(), frame.latitude(y),
                frame.longitude(x), Double.NaN, speed, normalize(heading), v.acc, v.v * v.v * curvature,
                -Math.toDegrees(v.v * curvature), v.acc < -0.3 ? 15 : 0, v.length, v.width, messaging.source());
    }

    Psm psm(Vru u, long tMs) {
        boolean first = Double.isNaN(u.noiseX);
        u.msgCnt = (u.msgCnt + 1) & 127;
        double[] e = nextError(u.noiseX, u.noiseY, psmRho, first);
        u.noiseX = e[0];
        u.noiseY = e[1];
        double speed = Math.max(0, u.v + noise.speedSigmaMps() * rng.nextGaussian());
        double heading = compass(u.theta()) + noise.headingSigmaDeg() * rng.nextGaussian();
        return new Psm(u.id, u.msgCnt, (int) Math.floorMod(tMs, 60_000L), tMs, tMs + messaging.latencyMs(), u.type,
                frame.latitude(u.y() + e[1]), frame.longitude(u.x() + e[0]), Double.NaN, speed, normalize(heading), messaging.source());
    }

    /** First-order Gauss–Markov position error (white when rho = 0), stationary from the first message on. */
    private double[] nextError(double ex, double ey, double rhoValue, boolean first) {
        double sigma = noise.gpsSigmaM();
        if (first || rhoValue == 0) {
            return new double[] {sigma * rng.nextGaussian(), sigma * rng.nextGaussian()};
        }
        double innovation = sigma * Math.sqrt(1 - rhoValue * rhoValue);
        return new double[] {rhoValue * ex + innovation * rng.nextGaussian(), rhoValue * ey + innovation * rng.nextGaussian()};
    }

    /** Compass degrees (clockwise from north) of a math angle. */
    static double compass(double theta) {
        return normalize(90 - Math.toDegrees(theta));
    }

    private static double normalize(double deg) {
        double d = deg % 360;
        return d < 0 ? d + 360 : d;
    }

    Spat spat(Intersection in, SignalPlan plan, Layout layout, long tMs) {
        return new Spat(tMs, tMs + messaging.latencyMs(), List.of(plan.state(in.id(), layout.signalGroups, tMs)));
    }

    /** The synthesized layout's MapData, or the MapData a layout was built from (under the intersection's id). */
    MapData mapData(Intersection in, Layout layout, long tMs) {
        if (layout.source != null) {
            MapData.IntersectionGeometry g = layout.source;
            return new MapData(tMs, tMs + messaging.latencyMs(), 1, List.of(new MapData.IntersectionGeometry(in.id(), g.region(),
                    g.revision(), g.name(), g.refLatitude(), g.refLongitude(), g.laneWidthM(), g.lanes())));
        }
        List<MapData.Lane> lanes = new ArrayList<>();
        double far = layout.approachLength;
        double stop = layout.stopLine;
        for (int k = 0; k < 4; k++) {
            for (int lane = 0; lane < 3; lane++) {
                double o = layout.inboundOffset(lane);
                List<MapData.Connection> connections = new ArrayList<>();
                for (Layout.Movement m : layout.movements) {
                    if (m.approach == k && m.inLane == lane) {
                        connections.add(new MapData.Connection(egressLaneId(m.exitLeg, m.outLane), m.signalGroup));
                    }
                }
                lanes.add(new MapData.Lane(k * 3 + lane + 1, MapData.LaneType.VEHICLE, true, false, k + 1, 0,
                        List.of(point(k, stop, o), point(k, far, o)), connections));
            }
        }
        for (int leg = 0; leg < 4; leg++) {
            for (int lane = 0; lane < 2; lane++) {
                double o = -layout.outboundOffset(lane);
                lanes.add(new MapData.Lane(egressLaneId(leg, lane), MapData.LaneType.VEHICLE, false, true, 0, leg + 1,
                        List.of(point(leg, stop, o), point(leg, far, o)), List.of()));
            }
        }
        for (int leg = 0; leg < 4; leg++) {
            double d = layout.sidewalkOffset;
            int id = 21 + leg;
            lanes.add(new MapData.Lane(id, MapData.LaneType.CROSSWALK, true, true, leg + 1, leg + 1,
                    List.of(point(leg, d, d), point(leg, d, -d)),
                    List.of(new MapData.Connection(id, Layout.CROSSWALK_SIGNAL_GROUP_BASE + leg))));
        }
        for (int leg = 0; leg < 4; leg++) {
            for (int side = -1; side <= 1; side += 2) {
                double d = layout.sidewalkOffset;
                lanes.add(new MapData.Lane(25 + leg * 2 + (side + 1) / 2, MapData.LaneType.SIDEWALK, false, false, 0, 0,
                        List.of(point(leg, d, side * d), point(leg, far, side * d)), List.of()));
            }
        }
        MapData.IntersectionGeometry geometry = new MapData.IntersectionGeometry(in.id(), 0, 1, in.name(), in.latitude(),
                in.longitude(), layout.laneWidth, lanes);
        return new MapData(tMs, tMs + messaging.latencyMs(), 1, List.of(geometry));
    }

    private static int egressLaneId(int leg, int lane) {
        return 13 + leg * 2 + lane;
    }

    /** The point at distance d out along a leg and lateral offset o along the inbound traffic's right normal. */
    private MapData.GeoPoint point(int leg, double d, double o) {
        double x = Layout.ux(leg) * d + Layout.rx(leg) * o;
        double y = Layout.uy(leg) * d + Layout.ry(leg) * o;
        return new MapData.GeoPoint(frame.latitude(y), frame.longitude(x));
    }
}
