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
 * A seeded load generator for the analysis benchmark and engine tests: at each intersection a fixed number of
 * vehicles and VRUs are present at all times (one leaves the zone, a new id enters). Vehicles drive straight
 * through a four-leg crossing in right-hand lanes at 8–16 m/s, some braking hard once; a fifth report no
 * accelSet, so deceleration is derived from speed. VRUs walk on sidewalks or over crosswalks. Every user reports
 * at the given rate; reports reach the receiver 50–550 ms late, so they arrive slightly out of event order.
 * Not a traffic model (the simulator is): just realistic density, motion and message shape.
 */
public final class SyntheticTraffic {

    private static final double ZONE_HALF_LENGTH_M = 115.0;
    private static final double CROSSWALK_HALF_LENGTH_M = 15.0;
    private static final double[] HEADINGS = {90, 270, 0, 180};

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
        List<User[]> users = new ArrayList<>();
        for (Intersection ignored : intersections) {
            User[] slots = new User[vehicles + vrus];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = new User(random, i < vehicles, true);
            }
            users.add(slots);
        }
        long stepMs = 1000 / hz;
        List<Message> out = new ArrayList<>((int) (durationMs / stepMs) * (vehicles + vrus) * intersections.size());
        for (long t = startMs; t < startMs + durationMs; t += stepMs) {
            for (int k = 0; k < intersections.size(); k++) {
                Intersection intersection = intersections.get(k);
                LocalFrame frame = new LocalFrame(intersection.latitude(), intersection.longitude());
                User[] slots = users.get(k);
                for (int i = 0; i < slots.length; i++) {
                    User u = slots[i];
                    if (u.s > u.endM) {
                        u = new User(random, u.vehicle, false);
                        slots[i] = u;
                    }
                    long eventMs = t + random.nextInt((int) stepMs);
                    out.add(u.report(frame, eventMs, eventMs + 50 + random.nextInt(500)));
                    u.step(stepMs / 1000.0);
                }
            }
        }
        Message[] messages = out.toArray(new Message[0]);
        Arrays.sort(messages, Comparator.comparingLong(Message::receivedAtMs));
        return messages;
    }

    /** One road user on a straight path: s metres along its approach axis, offset to the right of the centre line. */
    private static final class User {
        final boolean vehicle;
        final boolean crossing;
        final double endM;
        final long id;
        final int approach;
        final double offsetM;
        final boolean reportsAccel;
        final double brakeAtM;
        double s;
        double speed;
        double accel;
        int msgCnt;

        User(Random random, boolean vehicle, boolean anywhere) {
            this.vehicle = vehicle;
            this.id = random.nextInt() & 0xFFFF_FFFFL;
            this.approach = random.nextInt(4);
            this.crossing = !vehicle && random.nextInt(2) == 0;
            this.endM = crossing ? CROSSWALK_HALF_LENGTH_M : ZONE_HALF_LENGTH_M;
            this.offsetM = vehicle ? (random.nextBoolean() ? 1.8 : 5.4) : 12.0;
            this.reportsAccel = random.nextInt(5) != 0;
            this.brakeAtM = vehicle && random.nextInt(10) == 0 ? -60 + random.nextDouble() * 40 : Double.NaN;
            this.speed = vehicle ? 8 + random.nextDouble() * 8 : 1.1 + random.nextDouble() * 0.5;
            this.s = anywhere ? -endM + random.nextDouble() * 2 * endM : -endM;
        }

        void step(double dt) {
            if (!Double.isNaN(brakeAtM) && s >= brakeAtM && s < brakeAtM + 25 && speed > 4) {
                accel = -4.0;
            } else {
                accel = 0;
            }
            speed = Math.max(0.5, speed + accel * dt);
            s += speed * dt;
        }

        Message report(LocalFrame frame, long eventMs, long receivedMs) {
            double heading = HEADINGS[approach];
            double east;
            double north;
            if (crossing) {
                // over the crosswalk 14 m before the centre, left to right across the approach
                east = along(-14.0, approach)[0] + perpendicular(s, approach)[0];
                north = along(-14.0, approach)[1] + perpendicular(s, approach)[1];
                heading = (heading + 90) % 360;
            } else {
                double[] a = along(s, approach);
                double[] p = perpendicular(offsetM, approach);
                east = a[0] + p[0];
                north = a[1] + p[1];
            }
            int secMark = (int) (eventMs % 60_000);
            msgCnt = (msgCnt + 1) & 127;
            if (vehicle) {
                return new Bsm(id, msgCnt, secMark, eventMs, receivedMs, frame.latitude(north), frame.longitude(east),
                        0, speed, heading, reportsAccel ? accel : Double.NaN, reportsAccel ? 0 : Double.NaN,
                        reportsAccel ? 0 : Double.NaN, 0, 4.8, 1.9, "synthetic");
            }
            return new Psm(id, msgCnt, secMark, eventMs, receivedMs, VruType.PEDESTRIAN, frame.latitude(north),
                    frame.longitude(east), 0, speed, heading, "synthetic");
        }

        /** Point s metres along the approach's direction of travel through the centre. */
        private static double[] along(double s, int approach) {
            return switch (approach) {
                case 0 -> new double[] {s, 0};
                case 1 -> new double[] {-s, 0};
                case 2 -> new double[] {0, s};
                default -> new double[] {0, -s};
            };
        }

        /** Offset to the right of the direction of travel. */
        private static double[] perpendicular(double d, int approach) {
            return switch (approach) {
                case 0 -> new double[] {0, -d};
                case 1 -> new double[] {0, d};
                case 2 -> new double[] {d, 0};
                default -> new double[] {-d, 0};
            };
        }
    }
}
