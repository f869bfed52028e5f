package org.trafficsafety.simulation;

import org.trafficsafety.message.Message;

/**
 * Receives what the simulator produces, on the simulating thread: messages in event-time order, and ground-truth
 * conflicts once their encounter has closed (up to about 7 s of event time after the conflict).
 */
public interface SimulationListener {

    void onMessage(Message message);

    /** A conflict (grade clear or marginal). */
    default void onGroundTruth(GroundTruthConflict conflict) {
    }

    /**
     * A near-miss that is not a conflict as measured but would be one with every body grown by the ground truth's
     * tolerance (grade near): scoring ignores detections of it rather than counting them false.
     */
    default void onNearMiss(GroundTruthConflict nearMiss) {
    }

    /** Two road users that passed near each other where they cannot collide, once the passing has ended. */
    default void onPassing(BenignPassing passing) {
    }
}
