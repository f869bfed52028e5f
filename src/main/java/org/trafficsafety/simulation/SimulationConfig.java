package org.trafficsafety.simulation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.message.MapData;

/**
 * Every parameter of the simulator, grouped by concern; {@link #defaults()} documents the defaults (also in
 * docs/simulator.md). Immutable; validated on construction. Same config and seed give a byte-identical message
 * sequence.
 *
 * @param seed          seed of all randomness
 * @param intersections where to simulate (each gets its own four-leg layout and signal offset)
 * @param maps          geometry by intersection id: an intersection with an entry is laid out from that MapData
 *                      geometry (falling back to the synthesized layout when it is unusable); default none
 */
public record SimulationConfig(
        long seed,
        List<Intersection> intersections,
        Geometry geometry,
        Signals signals,
        Demand demand,
        Drivers drivers,
        Risk risk,
        Noise noise,
        Messaging messaging,
        Map<Integer, MapData.IntersectionGeometry> maps) {

    public SimulationConfig {
        intersections = List.copyOf(intersections);
        maps = maps == null ? Map.of() : Map.copyOf(maps);
        if (intersections.isEmpty()) {
            throw new IllegalArgumentException("simulate at least one intersection");
        }
        if (geometry == null || signals == null || demand == null || drivers == null || risk == null || noise == null || messaging == null) {
            throw new IllegalArgumentException("all parameter groups are required");
        }
    }

    /** Without MapData geometry: every intersection gets the synthesized layout. */
    public SimulationConfig(long seed, List<Intersection> intersections, Geometry geometry, Signals signals, Demand demand,
                            Drivers drivers, Risk risk, Noise noise, Messaging messaging) {
        this(seed, intersections, geometry, signals, demand, drivers, risk, noise, messaging, Map.of());
    }

    /** The seeded intersections, seed 1, and every group's defaults. */
    public static SimulationConfig defaults() {
        return new SimulationConfig(1L, Intersection.seeded(), Geometry.defaults(), Signals.defaults(), Demand.defaults(),
                Drivers.defaults(), Risk.defaults(), Noise.defaults(), Messaging.defaults());
    }

    public SimulationConfig withSeed(long newSeed) {
        return new SimulationConfig(newSeed, intersections, geometry, signals, demand, drivers, risk, noise, messaging, maps);
    }

    public SimulationConfig withIntersections(List<Intersection> newIntersections) {
        return new SimulationConfig(seed, newIntersections, geometry, signals, demand, drivers, risk, noise, messaging, maps);
    }

    public SimulationConfig withDemand(Demand newDemand) {
        return new SimulationConfig(seed, intersections, geometry, signals, newDemand, drivers, risk, noise, messaging, maps);
    }

    public SimulationConfig withRisk(Risk newRisk) {
        return new SimulationConfig(seed, intersections, geometry, signals, demand, drivers, newRisk, noise, messaging, maps);
    }

    public SimulationConfig withNoise(Noise newNoise) {
        return new SimulationConfig(seed, intersections, geometry, signals, demand, drivers, risk, newNoise, messaging, maps);
    }

    public SimulationConfig withMessaging(Messaging newMessaging) {
        return new SimulationConfig(seed, intersections, geometry, signals, demand, drivers, risk, noise, newMessaging, maps);
    }

    /**
     * Lays out intersections from MapData: every intersection of the messages whose id is simulated gets its geometry
     * (a later message of the same id wins); the others keep the synthesized layout.
     */
    public SimulationConfig withMapData(List<MapData> mapData) {
        Map<Integer, MapData.IntersectionGeometry> byId = new HashMap<>(maps);
        for (MapData m : mapData) {
            for (MapData.IntersectionGeometry g : m.intersections()) {
                byId.put(g.id(), g);
            }
        }
        return new SimulationConfig(seed, intersections, geometry, signals, demand, drivers, risk, noise, messaging, byId);
    }

    /**
     * The synthesized four-leg layout: per approach a left-turn lane, an inner through lane and a through/right lane,
     * two receiving lanes beside a median one lane wide, a crosswalk across each leg and a sidewalk on both sides.
     *
     * @param laneWidthM      lane width (default 3.66 m, 12 ft)
     * @param approachLengthM where vehicles and VRUs enter and leave, from the reference point (default 110 m, so
     *                        that noisy positions stay inside the 120 m zone)
     */
    public record Geometry(double laneWidthM, double approachLengthM) {
        public Geometry {
            require(laneWidthM >= 2.5 && laneWidthM <= 5, "laneWidthM", laneWidthM);
            require(approachLengthM >= 50 && approachLengthM <= 500, "approachLengthM", approachLengthM);
        }

        public static Geometry defaults() {
            return new Geometry(3.66, 110);
        }
    }

    /**
     * Fixed-time four-phase plan: protected leading lefts of the major (north–south) street, its through and right
     * movements with permissive lefts and walk on the crosswalks parallel to it, then the same for the minor street.
     * Cycle = 2 (leftGreen + leftYellow + allRed + throughGreen + yellow + allRed) = 116 s by default.
     *
     * @param walkS how long the walk indication lasts at the start of the parallel through green; flashing don't walk
     *              fills the rest of that green (28 s by default, enough to cross 28 m at 1.0 m/s)
     */
    public record Signals(double leftGreenS, double leftYellowS, double throughGreenS, double yellowS, double allRedS, double walkS) {
        public Signals {
            require(leftGreenS >= 4 && leftGreenS <= 60, "leftGreenS", leftGreenS);
            require(leftYellowS >= 3 && leftYellowS <= 6, "leftYellowS", leftYellowS);
            require(throughGreenS >= 10 && throughGreenS <= 120, "throughGreenS", throughGreenS);
            require(yellowS >= 3 && yellowS <= 6, "yellowS", yellowS);
            require(allRedS >= 0 && allRedS <= 5, "allRedS", allRedS);
            require(walkS >= 4 && walkS < throughGreenS, "walkS", walkS);
        }

        public static Signals defaults() {
            return new Signals(12, 3, 35, 4, 2, 7);
        }

        double cycleS() {
            return 2 * (leftGreenS + leftYellowS + allRedS + throughGreenS + yellowS + allRedS);
        }
    }

    /**
     * Demand at the peak hour (factor 1.0 of the profile); Poisson arrivals.
     *
     * @param majorVehiclesPerHour per approach of the north–south street (default 600)
     * @param minorVehiclesPerHour per approach of the east–west street (default 400)
     * @param leftTurnShare        share of arrivals turning left (default 0.15), in the left-turn lane
     * @param rightTurnShare       share turning right (default 0.15), from the outer lane
     * @param truckShare           share of trucks and buses, 8–10 m long (default 0.03); they go straight, in the outer lane
     * @param vrusPerHour          pedestrians and cyclists per intersection (default 100)
     * @param cyclistShare         share of VRUs that are cyclists riding on sidewalks and crosswalks (default 0.15)
     * @param crossingShare        share of VRUs that cross one crosswalk; the rest walk past on the sidewalks (default 0.8)
     */
    public record Demand(double majorVehiclesPerHour, double minorVehiclesPerHour, double leftTurnShare, double rightTurnShare,
                         double truckShare, double vrusPerHour, double cyclistShare, double crossingShare, DemandProfile profile) {
        public Demand {
            require(majorVehiclesPerHour >= 0 && majorVehiclesPerHour <= 1500, "majorVehiclesPerHour", majorVehiclesPerHour);
            require(minorVehiclesPerHour >= 0 && minorVehiclesPerHour <= 1500, "minorVehiclesPerHour", minorVehiclesPerHour);
            require(leftTurnShare >= 0 && rightTurnShare >= 0 && leftTurnShare + rightTurnShare <= 1, "turn shares", leftTurnShare + rightTurnShare);
            require(truckShare >= 0 && truckShare <= 0.5, "truckShare", truckShare);
            require(vrusPerHour >= 0 && vrusPerHour <= 2000, "vrusPerHour", vrusPerHour);
            require(cyclistShare >= 0 && cyclistShare <= 1, "cyclistShare", cyclistShare);
            require(crossingShare >= 0 && crossingShare <= 1, "crossingShare", crossingShare);
            if (profile == null) {
                throw new IllegalArgumentException("profile is required");
            }
        }

        public static Demand defaults() {
            return new Demand(600, 400, 0.15, 0.15, 0.03, 100, 0.15, 0.8, DemandProfile.weekday());
        }

        public Demand withProfile(DemandProfile newProfile) {
            return new Demand(majorVehiclesPerHour, minorVehiclesPerHour, leftTurnShare, rightTurnShare, truckShare, vrusPerHour,
                    cyclistShare, crossingShare, newProfile);
        }
    }

    /**
     * Car following by the Intelligent Driver Model, with per-driver values drawn uniformly in the ranges.
     *
     * @param desiredSpeedMps     mean free speed (default 15.6 m/s, 35 mph), each driver ± speedSpreadMps
     * @param timeGapMinS         safe time gap, lower end (default 1.6 s; the conflict threshold is 1.5 s)
     * @param timeGapMaxS         upper end (default 2.2 s)
     * @param minGapM             bumper gap at standstill (default 2.5 m)
     * @param maxAccelMps2        IDM a (default 1.5 m/s^2)
     * @param comfortDecelMps2    IDM b (default 2.0 m/s^2)
     * @param maxStopDecelMps2    a vehicle at yellow onset stops when it can with at most this (default 3.0 m/s^2)
     * @param turnLateralAccelMps2 speed through a curve is limited to sqrt(this × radius) (default 2.5 m/s^2)
     * @param criticalGapS        a permissive left turn needs this much time before the next opposing vehicle comes within 6.5 m of its path (default 6.5 s)
     */
    public record Drivers(double desiredSpeedMps, double speedSpreadMps, double timeGapMinS, double timeGapMaxS, double minGapM,
                          double maxAccelMps2, double comfortDecelMps2, double maxStopDecelMps2, double turnLateralAccelMps2,
                          double criticalGapS) {
        public Drivers {
            require(desiredSpeedMps >= 5 && desiredSpeedMps <= 30, "desiredSpeedMps", desiredSpeedMps);
            require(speedSpreadMps >= 0 && speedSpreadMps < desiredSpeedMps / 2, "speedSpreadMps", speedSpreadMps);
            require(timeGapMinS >= 0.5 && timeGapMaxS >= timeGapMinS && timeGapMaxS <= 4, "timeGapMinS..timeGapMaxS", timeGapMaxS);
            require(minGapM >= 1 && minGapM <= 6, "minGapM", minGapM);
            require(maxAccelMps2 > 0 && maxAccelMps2 <= 4, "maxAccelMps2", maxAccelMps2);
            require(comfortDecelMps2 > 0 && comfortDecelMps2 <= 5, "comfortDecelMps2", comfortDecelMps2);
            require(maxStopDecelMps2 >= comfortDecelMps2 && maxStopDecelMps2 <= 6, "maxStopDecelMps2", maxStopDecelMps2);
            require(turnLateralAccelMps2 >= 1 && turnLateralAccelMps2 <= 5, "turnLateralAccelMps2", turnLateralAccelMps2);
            require(criticalGapS >= 3 && criticalGapS <= 12, "criticalGapS", criticalGapS);
        }

        public static Drivers defaults() {
            return new Drivers(15.6, 1.5, 1.6, 2.2, 2.5, 1.5, 2.0, 3.0, 2.5, 6.5);
        }
    }

    /**
     * Injected risky behaviour. Rates are per intersection.
     *
     * @param redLightRunningProbability a through vehicle that meets a red light with no queue ahead runs it
     *                                   with this probability (default 0.03)
     * @param turnNonYieldProbability    a turning vehicle that should yield to a VRU on its crosswalk does not
     *                                   (default 0.25)
     * @param hardBrakingPerHour         hard-braking leaders (about 7 m/s^2, with a close follower) per hour (default 4)
     * @param tailgatingPerHour          tailgating followers per hour (default 4)
     * @param vruLateStartProbability    a VRU that reaches the curb during flashing don't walk crosses anyway (default
     *                                   0.1); VRUs still look for committed vehicles first, so this is not a conflict
     */
    public record Risk(double redLightRunningProbability, double turnNonYieldProbability, double hardBrakingPerHour,
                       double tailgatingPerHour, double vruLateStartProbability) {
        public Risk {
            require(redLightRunningProbability >= 0 && redLightRunningProbability <= 1, "redLightRunningProbability", redLightRunningProbability);
            require(turnNonYieldProbability >= 0 && turnNonYieldProbability <= 1, "turnNonYieldProbability", turnNonYieldProbability);
            require(hardBrakingPerHour >= 0 && hardBrakingPerHour <= 120, "hardBrakingPerHour", hardBrakingPerHour);
            require(tailgatingPerHour >= 0 && tailgatingPerHour <= 120, "tailgatingPerHour", tailgatingPerHour);
            require(vruLateStartProbability >= 0 && vruLateStartProbability <= 1, "vruLateStartProbability", vruLateStartProbability);
        }

        public static Risk defaults() {
            return new Risk(0.03, 0.25, 4, 4, 0.1);
        }

        /** No injected behaviour at all: normal traffic only. */
        public static Risk none() {
            return new Risk(0, 0, 0, 0, 0);
        }
    }

    /**
     * Measurement noise added to what the messages report (never to the ground truth).
     *
     * @param gpsSigmaM       standard deviation of the position error per axis (default 1.5 m)
     * @param gpsCorrelationS correlation time of the position error: 0 = white (independent per message, the
     *                        default); > 0 = first-order Gauss–Markov, as real GNSS multipath drifts
     * @param speedSigmaMps   speed error (default 0.1 m/s)
     * @param headingSigmaDeg heading error (default 2°)
     */
    public record Noise(double gpsSigmaM, double gpsCorrelationS, double speedSigmaMps, double headingSigmaDeg) {
        public Noise {
            require(gpsSigmaM >= 0 && gpsSigmaM <= 20, "gpsSigmaM", gpsSigmaM);
            require(gpsCorrelationS >= 0 && gpsCorrelationS <= 600, "gpsCorrelationS", gpsCorrelationS);
            require(speedSigmaMps >= 0 && speedSigmaMps <= 5, "speedSigmaMps", speedSigmaMps);
            require(headingSigmaDeg >= 0 && headingSigmaDeg <= 45, "headingSigmaDeg", headingSigmaDeg);
        }

        public static Noise defaults() {
            return new Noise(1.5, 0, 0.1, 2);
        }

        public static Noise none() {
            return new Noise(0, 0, 0, 0);
        }
    }

    /**
     * What is published and how often (VCC-like thinning). Periods are multiples of the 100 ms simulation step.
     *
     * @param latencyMs receipt time = event time + this (default 80 ms)
     * @param source    the messages' {@code source} (default "simulator")
     */
    public record Messaging(int bsmPeriodMs, int psmPeriodMs, int spatPeriodMs, int mapDataPeriodMs, int latencyMs, String source) {
        public Messaging {
            requireStepMultiple(bsmPeriodMs, "bsmPeriodMs");
            requireStepMultiple(psmPeriodMs, "psmPeriodMs");
            requireStepMultiple(spatPeriodMs, "spatPeriodMs");
            requireStepMultiple(mapDataPeriodMs, "mapDataPeriodMs");
            require(latencyMs >= 0 && latencyMs <= 10_000, "latencyMs", latencyMs);
            if (source == null || source.isBlank()) {
                throw new IllegalArgumentException("source must not be blank");
            }
        }

        public static Messaging defaults() {
            return new Messaging(500, 1000, 1000, 60_000, 80, "simulator");
        }

        private static void requireStepMultiple(int periodMs, String name) {
            if (periodMs < TrafficSimulator.STEP_MS || periodMs % TrafficSimulator.STEP_MS != 0 || periodMs > 3_600_000) {
                throw new IllegalArgumentException(name + " must be a multiple of " + TrafficSimulator.STEP_MS + " ms, was " + periodMs);
            }
        }
    }

    private static void require(boolean ok, String name, double value) {
        if (!ok) {
            throw new IllegalArgumentException(name + " out of range: " + value);
        }
    }
}
