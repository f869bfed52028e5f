package org.trafficsafety.simulation;

/** Mutable run counters of the simulator (one thread); {@link SimulationStats} is their snapshot. */
final class Counters {
    long vehicles;
    long vrus;
    long bsm;
    long psm;
    long spat;
    long mapData;
    long redEligible;
    long redCrossings;
    long yieldDecisions;
    long touches;
    final long[] injected = new long[RiskyBehaviour.values().length];
    final long[] groundTruth = new long[RiskyBehaviour.values().length];

    /** Forgets the warm-up. */
    void reset() {
        vehicles = 0;
        vrus = 0;
        bsm = 0;
        psm = 0;
        spat = 0;
        mapData = 0;
        redEligible = 0;
        redCrossings = 0;
        yieldDecisions = 0;
        touches = 0;
        java.util.Arrays.fill(injected, 0);
        java.util.Arrays.fill(groundTruth, 0);
    }

    SimulationStats snapshot() {
        return new SimulationStats(vehicles, vrus, bsm, psm, spat, mapData, redEligible, injected[RiskyBehaviour.RED_LIGHT_RUNNING.ordinal()],
                redCrossings, yieldDecisions, touches, SimulationStats.byBehaviour(injected), SimulationStats.byBehaviour(groundTruth));
    }
}
