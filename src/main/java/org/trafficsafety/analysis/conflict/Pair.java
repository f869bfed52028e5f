package org.trafficsafety.analysis.conflict;

/**
 * State of one unordered pair in canonical order ({@code first} is the vehicle, or the lower unsigned id):
 * the run of TTC flags not yet confirmed by persistence, and the open encounter.
 */
final class Pair {

    static final long NONE = Long.MIN_VALUE;

    final RoadUser first;
    final RoadUser second;
    /** Time of the first evaluation of the current run of TTC flags, or NONE. */
    long holdStartMs = NONE;
    final Measure pendingTtc = new Measure();
    /** Start of the open encounter, or NONE. */
    long encounterStartMs = NONE;
    long lastFlagMs;
    final Measure ttc = new Measure();
    final Measure pet = new Measure();
    long lastEvaluatedMs;
    /** Instant of the last TTC evaluation: a run of flags needs evaluations at every grid instant. */
    long lastTtcEvaluationMs = NONE;

    Pair(RoadUser a, RoadUser b) {
        boolean aFirst = !a.isVru() && (b.isVru() || Long.compareUnsigned(a.id, b.id) < 0);
        this.first = aFirst ? a : b;
        this.second = aFirst ? b : a;
    }

    boolean isOpen() {
        return encounterStartMs != NONE;
    }

    boolean involvesVru() {
        return first.isVru() || second.isVru();
    }
}
