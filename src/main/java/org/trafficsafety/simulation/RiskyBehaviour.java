package org.trafficsafety.simulation;

/** Why a ground-truth conflict happened: the injected behaviour of one of its road users. */
public enum RiskyBehaviour {
    /** A through vehicle that ignores its red signal and crosses the moving cross stream. */
    RED_LIGHT_RUNNING,
    /** A turning vehicle (right, or permissive left) that does not yield to a pedestrian or cyclist on the crosswalk. */
    TURN_VS_PEDESTRIAN,
    /** A leader brakes hard without reason; its follower reacts late. */
    HARD_BRAKING,
    /** A follower closes to a very short time gap and reacts late when its leader slows. */
    TAILGATING,
    /** Nothing was injected in either road user: normal traffic produced the near-miss (should be rare). */
    UNPLANNED
}
