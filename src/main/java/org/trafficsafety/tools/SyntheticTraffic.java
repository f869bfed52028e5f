package org.trafficsafety.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.geometry.LocalFrame;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.Psm;
import org.trafficsafety.message.VruType;

/**
 * A seeded load generator for the analysis benchmark and engine tests: a four-leg signalized crossing per
 * intersection, two right-hand lanes per approach, a 60 s two-phase signal (27 s green + 3 s yellow each way).
 * Vehicles (8–16 m/s desired) follow their leader with a 2.5 s headway and stop at the stop line on red, so
 * queues form and some brake hard; one in a hundred runs the red. A fifth of the vehicles report no accelSet, so
 * deceleration is derived from speed. VRUs walk along sidewalks to the corner or over the crosswalk of an
 * approach early in its red. A vehicle leaving the zone re-enters its lane's back as a new id, so about the given
 * number are present (those queued beyond the zone edge do not report). Every user reports at the given rate and
 * reports reach the receiver 50–550 ms late, slightly out of event order. Not the simulator: just realistic
 * density, motion and message shape.
 */
public final class SyntheticTraffic {

    static final double ZONE_EDGE_M = 115.0;
    private static final double STOP_LINE_M = -22.0;
    private static final double CROSSWALK_M = -14.0;
    /** Sidewalk walkers leave (turn the corner) here, short of the crossing road. */
    private static final double SIDEWALK_END_M = -20.0;
    private static final double HEADWAY_S = 2.5;
    private static final double MIN_GAP_M = 4.0;
    private static final double VEHICLE_LENGTH_M = 4.8;
    private static final double[] LANE_OFFSETS_M = {1.8, 5.4};
    private static final double[] HEADINGS = {90, 270, 0, 180};
    private static final long CYCLE_MS = 60_000;
    /** One signal cycle run before reporting, so that queues and phases are settled (no start-up pile-up). */
    private static final long WARM_UP_MS = CYCLE_MS;
    /** New vehicles enter this far upstream of the zone edge, so that they adapt to the queue before reporting. */
    private static final double ENTRY_RUN_UP_M = 40.0;

    private final List<Intersection> intersections;
    private final int vehicles;
    private final int vrus;
    private final int hz;
    private final long seed;

    public SyntheticTraffic(List<Intersection> intersections, int vehicles, int vrus, int hz, long seed) {
        if (vehicles < 0 || vrus < 0 || hz < 1 || hz > 10) {
            throw new IllegalArgumentException("need vehicles, vrus >= 0 and 1..10 Hz, got " + vehicles + ", " + vrus + ", " + hz);
        }
        this.intersections = List.copyOf(intersections);
        this.vehicles = vehicles;
        this.vrus = vrus;
        this.hz = hz;
        this.seed = seed;
    }

    /** All messages of {@code [startMs, startMs + durationMs)}, in order of receipt. */
    public Message[] generate(long startMs, long durationMs) {
        Random random = new Random(seed);
        long stepMs = 1000 / hz;
        List<Message> out = new ArrayList<>((int) (durationMs / stepMs) * (vehicles + vrus) * intersections.size());
        List<Crossing> crossings = new ArrayList<>();
        for (Intersection intersection : intersections) {
            crossings.add(new Crossing(intersection, random));
        }
        for (long t = startMs - WARM_UP_MS; t < startMs + durationMs; t += stepMs) {
            for (Crossing crossing : crossings) {
                if (t >= startMs) {
                    crossing.report(t, stepMs, random, out);
                }
                crossing.step(t, stepMs / 1000.0, random);
            }
        }
        Message[] messages = out.toArray(new Message[0]);
        Arrays.sort(messages, Comparator.comparingLong(Message::receivedAtMs));
        // re-created in receipt order, so that they lie in memory as a decoder would have allocated them
        for (int i = 0; i < messages.length; i++) {
            messages[i] = copy(messages[i]);
        }
        return messages;
    }

    private static Message copy(Message m) {
        return switch (m) {
            case Bsm b -> new Bsm(b.id(), b.msgCnt(), b.secMark(), b.eventTimeMs(), b.receivedAtMs(), b.latitude(),
                    b.longitude(), b.elevationM(), b.speedMps(), b.headingDeg(), b.accelLonMps2(), b.accelLatMps2(),
                    b.yawRateDegS(), b.wheelBrakes(), b.lengthM(), b.widthM(), b.source());
            case Psm p -> new Psm(p.id(), p.msgCnt(), p.secMark(), p.eventTimeMs(), p.receivedAtMs(), p.basicType(),
                    p.latitude(), p.longitude(), p.elevationM(), p.speedMps(), p.headingDeg(), p.source());
            default -> m;
        };
    }

    /** Approaches 0/1 (east/west) are green in the first half of the cycle, 2/3 (north/south) in the second. */
    private static boolean mustStop(int approach, long t) {
        long inCycle = Math.floorMod(t, CYCLE_MS);
        boolean eastWestGreen = inCycle < 27_000;
        boolean northSouthGreen = inCycle >= 30_000 && inCycle < 57_000;
        return approach < 2 ? !eastWestGreen : !northSouthGreen;
    }

    /** Pedestrians step onto an approach's crosswalk only early in its red (never into the clearance). */
    private static boolean mayStartCrossing(int approach, long t) {
        long inCycle = Math.floorMod(t, CYCLE_MS);
        long redStart = approach < 2 ? 30_000 : 0;
        return inCycle >= redStart + 5_000 && inCycle < redStart + 15_000;
    }

    /** Point {@code s} metres along the approach's travel direction through the centre, {@code d} to its right. */
    private static double east(int approach, double s, double d) {
        return switch (approach) {
            case 0 -> s;
            case 1 -> -s;
            case 2 -> d;
            default -> -d;
        };
    }

    private static double north(int approach, double s, double d) {
        return switch (approach) {
            case 0 -> -d;
            case 1 -> d;
            case 2 -> s;
            default -> -s;
        };
    }

    private final class Crossing {
        final LocalFrame frame;
        final List<Vehicle> fleet = new ArrayList<>();
        final List<Walker> walkers = new ArrayList<>();

        Crossing(Intersection intersection, Random random) {
            frame = new LocalFrame(intersection.latitude(), intersection.longitude());
            int lanes = 4 * LANE_OFFSETS_M.length;
            for (int i = 0; i < vehicles; i++) {
                int lane = i % lanes;
                int perLane = (vehicles + lanes - 1) / lanes;
                double s = -ZONE_EDGE_M + (i / lanes + 0.5) * (2 * ZONE_EDGE_M / perLane);
                fleet.add(new Vehicle(random, lane / 2, LANE_OFFSETS_M[lane % 2], s));
            }
            for (int i = 0; i < vrus; i++) {
                walkers.add(new Walker(random, true));
            }
        }

        void report(long t, long stepMs, Random random, List<Message> out) {
            for (Vehicle v : fleet) {
                if (v.s >= -ZONE_EDGE_M) {
                    long eventMs = t + random.nextInt((int) stepMs);
                    out.add(v.report(frame, eventMs, eventMs + 50 + random.nextInt(500)));
                }
            }
            for (Walker w : walkers) {
                long eventMs = t + random.nextInt((int) stepMs);
                out.add(w.report(frame, eventMs, eventMs + 50 + random.nextInt(500)));
            }
        }

        void step(long t, double dt, Random random) {
            for (Vehicle v : fleet) {
                v.accel = v.accelerationFor(leaderGap(v), mustStop(v.approach, t) && !v.runsRed, dt);
            }
            for (int i = 0; i < fleet.size(); i++) {
                Vehicle v = fleet.get(i);
                v.speed = Math.max(0, v.speed + v.accel * dt);
                v.s += v.speed * dt;
                if (v.s > ZONE_EDGE_M) {
                    double entry = Math.min(-ZONE_EDGE_M, backOf(v)) - ENTRY_RUN_UP_M;
                    fleet.set(i, new Vehicle(random, v.approach, v.offset, entry));
                }
            }
            for (int i = 0; i < walkers.size(); i++) {
                Walker w = walkers.get(i);
                w.walking = !w.crossing || w.s > -w.endM || mayStartCrossing(w.approach, t);
                if (w.walking) {
                    w.s += w.speed * dt;
                }
                if (w.s > w.endM) {
                    walkers.set(i, new Walker(random, false));
                }
            }
        }

        /** Free distance to the vehicle ahead in the same lane, m (infinite when none). */
        private double leaderGap(Vehicle v) {
            double gap = Double.POSITIVE_INFINITY;
            for (Vehicle o : fleet) {
                if (o != v && o.approach == v.approach && o.offset == v.offset && o.s > v.s) {
                    gap = Math.min(gap, o.s - v.s - VEHICLE_LENGTH_M);
                }
            }
            return gap;
        }

        private double backOf(Vehicle leaving) {
            double back = Double.POSITIVE_INFINITY;
            for (Vehicle o : fleet) {
                if (o != leaving && o.approach == leaving.approach && o.offset == leaving.offset) {
                    back = Math.min(back, o.s);
                }
            }
            return back;
        }
    }

    private static final class Vehicle {
        final long id;
        final int approach;
        final double offset;
        final double desiredSpeed;
        final boolean reportsAccel;
        final boolean runsRed;
        double s;
        double speed;
        double accel;
        int msgCnt;

        Vehicle(Random random, int approach, double offset, double s) {
            this.id = random.nextInt() & 0xFFFF_FFFFL;
            this.approach = approach;
            this.offset = offset;
            this.desiredSpeed = 8 + random.nextDouble() * 8;
            this.reportsAccel = random.nextInt(5) != 0;
            this.runsRed = random.nextInt(100) == 0;
            this.s = s;
            this.speed = desiredSpeed;
        }

        /** Speed toward the lesser of the desired speed and what the gap (to the leader or the stop line) allows. */
        double accelerationFor(double leaderGap, boolean stopLineAhead, double dt) {
            double gap = leaderGap;
            if (stopLineAhead && s < STOP_LINE_M && s > STOP_LINE_M - 60) {
                gap = Math.min(gap, STOP_LINE_M - s);
            }
            double safe = Math.max(0, (gap - MIN_GAP_M) / HEADWAY_S);
            double target = Math.min(desiredSpeed, safe);
            return Math.max(-6.0, Math.min(2.0, (target - speed) / Math.max(dt, 1.0)));
        }

        Message report(LocalFrame frame, long eventMs, long receivedMs) {
            msgCnt = (msgCnt + 1) & 127;
            double e = east(approach, s, offset);
            double n = north(approach, s, offset);
            return new Bsm(id, msgCnt, (int) (eventMs % 60_000), eventMs, receivedMs, frame.latitude(n), frame.longitude(e),
                    0, speed, HEADINGS[approach], reportsAccel ? accel : Double.NaN, reportsAccel ? 0 : Double.NaN,
                    reportsAccel ? 0 : Double.NaN, 0, 4.8, 1.9, "synthetic");
        }
    }

    /** A pedestrian on a sidewalk (12 m right of an approach's centre line, up to the corner) or on a crosswalk. */
    private static final class Walker {
        final long id;
        final int approach;
        final boolean crossing;
        final double endM;
        final double speed;
        double s;
        boolean walking;
        int msgCnt;

        Walker(Random random, boolean anywhere) {
            this.id = random.nextInt() & 0xFFFF_FFFFL;
            this.approach = random.nextInt(4);
            this.crossing = random.nextBoolean();
            this.endM = crossing ? 12.0 : SIDEWALK_END_M;
            this.speed = 1.1 + random.nextDouble() * 0.5;
            double startM = crossing ? -12.0 : -ZONE_EDGE_M;
            this.s = anywhere && !crossing ? startM + random.nextDouble() * (endM - startM) : startM;
        }

        Message report(LocalFrame frame, long eventMs, long receivedMs) {
            msgCnt = (msgCnt + 1) & 127;
            double e;
            double n;
            double heading = HEADINGS[approach];
            if (crossing) {
                // over the approach's crosswalk, from its left kerb to its right kerb
                e = east(approach, CROSSWALK_M, s);
                n = north(approach, CROSSWALK_M, s);
                heading = (heading + 90) % 360;
            } else {
                e = east(approach, s, 12.0);
                n = north(approach, s, 12.0);
            }
            // a pedestrian waiting at the kerb reports standing still, not the walk it is about to start
            return new Psm(id, msgCnt, (int) (eventMs % 60_000), eventMs, receivedMs, VruType.PEDESTRIAN,
                    frame.latitude(n), frame.longitude(e), 0, walking ? speed : 0, heading, "synthetic");
        }
    }
}
