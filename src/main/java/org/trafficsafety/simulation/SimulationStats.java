package org.trafficsafety.simulation;

import java.util.EnumMap;
import java.util.Map;

/**
 * What a run produced so far.
 *
 * @param vehicles          vehicles that entered
 * @param vrus              pedestrians and cyclists that entered
 * @param redLightEligible  through vehicles that met a red light with no queue ahead (the red-running draws)
 * @param redLightRuns      of those, the ones that decided to run it
 * @param redLightCrossings vehicles whose front crossed the stop line while their signal was red (observed)
 * @param yieldDecisions    turning vehicles that met a VRU on their crosswalk (the non-yield draws)
 * @param touches           steps in which a follower's gap to its leader fell below 5 cm (should stay 0)
 * @param injected          injected risky behaviours by kind
 * @param groundTruth       ground-truth conflicts by kind
 */
public record SimulationStats(long vehicles, long vrus, long bsm, long psm, long spat, long mapData, long redLightEligible,
                              long redLightRuns, long redLightCrossings, long yieldDecisions, long touches,
                              Map<RiskyBehaviour, Long> injected, Map<RiskyBehaviour, Long> groundTruth) {

    public SimulationStats {
        injected = Map.copyOf(injected);
        groundTruth = Map.copyOf(groundTruth);
    }

    static Map<RiskyBehaviour, Long> byBehaviour(long[] counts) {
        Map<RiskyBehaviour, Long> m = new EnumMap<>(RiskyBehaviour.class);
        for (RiskyBehaviour b : RiskyBehaviour.values()) {
            m.put(b, counts[b.ordinal()]);
        }
        return m;
    }
}
