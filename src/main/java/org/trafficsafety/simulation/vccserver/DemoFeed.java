package org.trafficsafety.simulation.vccserver;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.MapData;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.message.Psm;
import org.trafficsafety.message.Spat;
import org.trafficsafety.message.VruType;
import org.trafficsafety.source.MessageSource;
import org.trafficsafety.source.SourceStatus;

/**
 * The small built-in feed of {@code tsi fake-vcc}: at VCC intersection 156, two eastbound cars 25 m apart and a
 * northbound car loop through the junction at 12 and 10 m/s, a pedestrian walks across the north leg, and a
 * 60 s two-phase signal runs (east-west green 0–25 s, yellow to 28 s; north-south green 30–55 s, yellow to
 * 58 s). It emits the MapData once, and every {@code period} one BSM per car, one PSM and one SPaT. Enough to
 * see the client work; the simulator is the real traffic source.
 */
public final class DemoFeed implements MessageSource {

    static final int INTERSECTION_ID = 156;
    static final double REF_LAT = 38.928411;
    static final double REF_LON = -77.241071;
    private static final double METRES_PER_DEG_LAT = 111_320.0;
    private static final double METRES_PER_DEG_LON = METRES_PER_DEG_LAT * Math.cos(Math.toRadians(REF_LAT));
    private static final double LEG_M = 150;
    private static final int EAST_WEST_GROUP = 2;
    private static final int NORTH_SOUTH_GROUP = 4;

    /** One moving road user: start point (m east, m north of the reference), heading and speed. */
    private record Mover(long id, double startX, double startY, double headingDeg, double speedMps) {
    }

    private static final List<Mover> CARS = List.of(
            new Mover(1001, -LEG_M, -1.8, 90, 12),
            new Mover(1002, -LEG_M - 25, -1.8, 90, 12),
            new Mover(1003, 1.8, -LEG_M, 0, 10));
    private static final Mover PEDESTRIAN = new Mover(4_000_000_001L, -10, 12, 90, 1.4);

    private final InstantSource clock;
    private final Duration period;
    private final AtomicLong ticks = new AtomicLong();
    private ScheduledExecutorService scheduler;
    private volatile long lastMessageAtMs;

    public DemoFeed(InstantSource clock, Duration period) {
        this.clock = clock;
        this.period = period;
    }

    @Override
    public String name() {
        return "fake-vcc-demo-feed";
    }

    @Override
    public synchronized void start(MessageListener listener) {
        long startMs = clock.millis();
        listener.onMessage(mapData(startMs));
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("demo-feed").daemon().factory());
        scheduler.scheduleAtFixedRate(() -> tick(listener, startMs), 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick(MessageListener listener, long startMs) {
        long now = clock.millis();
        double elapsedS = (now - startMs) / 1000.0;
        int msgCnt = (int) (ticks.getAndIncrement() % 128);
        for (Mover car : CARS) {
            double travelled = (car.speedMps() * elapsedS) % (2 * LEG_M + 25);
            listener.onMessage(bsm(car, travelled, msgCnt, now));
        }
        double walked = (PEDESTRIAN.speedMps() * elapsedS) % 20;
        listener.onMessage(psm(walked, msgCnt, now));
        listener.onMessage(spat(now));
        lastMessageAtMs = now;
    }

    private static Bsm bsm(Mover car, double travelledM, int msgCnt, long now) {
        double heading = Math.toRadians(car.headingDeg());
        double x = car.startX() + travelledM * Math.sin(heading);
        double y = car.startY() + travelledM * Math.cos(heading);
        return new Bsm(car.id(), msgCnt, (int) (now % 60_000), now, now, REF_LAT + y / METRES_PER_DEG_LAT,
                REF_LON + x / METRES_PER_DEG_LON, 84.0, car.speedMps(), car.headingDeg(), 0, 0, 0, 0, 4.8, 1.8,
                "fake-vcc demo");
    }

    private static Psm psm(double walkedM, int msgCnt, long now) {
        double x = PEDESTRIAN.startX() + walkedM;
        return new Psm(PEDESTRIAN.id(), msgCnt, (int) (now % 60_000), now, now, VruType.PEDESTRIAN,
                REF_LAT + PEDESTRIAN.startY() / METRES_PER_DEG_LAT, REF_LON + x / METRES_PER_DEG_LON, Double.NaN,
                PEDESTRIAN.speedMps(), PEDESTRIAN.headingDeg(), "fake-vcc demo");
    }

    private static Spat spat(long now) {
        long secondInCycle = now % 60_000 / 1000;
        return new Spat(now, now, List.of(new Spat.IntersectionState(INTERSECTION_ID, 0, 1, 0, List.of(
                movement(EAST_WEST_GROUP, secondInCycle, now),
                movement(NORTH_SOUTH_GROUP, (secondInCycle + 30) % 60, now)))));
    }

    /** A movement {@code second} s into its own 60 s cycle: green to 25 s, yellow to 28 s, then red. */
    private static Spat.MovementState movement(int group, long second, long now) {
        long cycleStartMs = now - now % 1000 - second * 1000;
        Spat.SignalPhase phase;
        long endMs;
        if (second < 25) {
            phase = Spat.SignalPhase.PROTECTED_MOVEMENT_ALLOWED;
            endMs = cycleStartMs + 25_000;
        } else if (second < 28) {
            phase = Spat.SignalPhase.PROTECTED_CLEARANCE;
            endMs = cycleStartMs + 28_000;
        } else {
            phase = Spat.SignalPhase.STOP_AND_REMAIN;
            endMs = cycleStartMs + 60_000;
        }
        return new Spat.MovementState(group, List.of(new Spat.MovementEvent(phase, endMs, endMs, endMs)));
    }

    /** Ingress lanes 1..4 (south, west, north, east legs): stop-line point then outer point, metres east/north. */
    private static final double[][] INGRESS_LANES = {
        {1.8, -8, 1.8, -LEG_M}, {-8, -1.8, -LEG_M, -1.8}, {-1.8, 8, -1.8, LEG_M}, {8, 1.8, LEG_M, 1.8}};

    private static MapData mapData(long now) {
        List<MapData.Lane> lanes = new ArrayList<>();
        for (int i = 0; i < INGRESS_LANES.length; i++) {
            double[] p = INGRESS_LANES[i];
            int laneId = i + 1;
            int group = laneId % 2 == 0 ? EAST_WEST_GROUP : NORTH_SOUTH_GROUP;
            lanes.add(new MapData.Lane(laneId, MapData.LaneType.VEHICLE, true, false, laneId, 0,
                    List.of(point(p[0], p[1]), point(p[2], p[3])), List.of(new MapData.Connection(10 + laneId, group))));
        }
        return new MapData(now, now, 1, List.of(new MapData.IntersectionGeometry(INTERSECTION_ID, 0, 1,
                "VCC 156 (fake-vcc demo)", REF_LAT, REF_LON, 3.66, lanes)));
    }

    private static MapData.GeoPoint point(double eastM, double northM) {
        return new MapData.GeoPoint(REF_LAT + northM / METRES_PER_DEG_LAT, REF_LON + eastM / METRES_PER_DEG_LON);
    }

    @Override
    public SourceStatus status() {
        return new SourceStatus(name(), scheduler != null && !scheduler.isShutdown(),
                lastMessageAtMs, "", Map.of("ticks", ticks.get()));
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
