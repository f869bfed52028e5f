package org.trafficsafety.simulation;

import org.trafficsafety.message.Message;

/**
 * Receives what the simulator produces, on the simulating thread: messages in event-time order, and ground-truth
 * conflicts once their encounter has closed (up to about 7 s of event time after the conflict).
 */
public interface SimulationListener {

    void onMessage(Message message);

    default void onGroundTruth(GroundTruthConflict conflict) {
    }
}
