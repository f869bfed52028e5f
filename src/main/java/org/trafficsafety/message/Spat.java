package org.trafficsafety.message;

import java.util.List;

/** Signal Phase and Timing. Timing values are epoch ms UTC, or {@link #TIME_UNKNOWN}. */
public record Spat(
        long eventTimeMs,
        long receivedAtMs,
        List<IntersectionState> intersections) implements Message {

    public static final long TIME_UNKNOWN = Long.MIN_VALUE;

    public Spat {
        intersections = List.copyOf(intersections);
    }

    @Override
    public MessageType type() {
        return MessageType.SPAT;
    }

    /** {@code status} is the J2735 IntersectionStatusObject as a 16-bit integer. */
    public record IntersectionState(int id, int region, int revision, int status, List<MovementState> states) {
        public IntersectionState {
            states = List.copyOf(states);
        }
    }

    public record MovementState(int signalGroup, List<MovementEvent> events) {
        public MovementState {
            events = List.copyOf(events);
        }
    }

    /** One state-time-speed entry; the first of a movement is the current state. */
    public record MovementEvent(SignalPhase phase, long minEndMs, long maxEndMs, long likelyMs) {
    }

    /** J2735 MovementPhaseState, in code order: {@code values()[code]}. */
    public enum SignalPhase {
        UNAVAILABLE, DARK, STOP_THEN_PROCEED, STOP_AND_REMAIN, PRE_MOVEMENT, PERMISSIVE_MOVEMENT_ALLOWED,
        PROTECTED_MOVEMENT_ALLOWED, PERMISSIVE_CLEARANCE, PROTECTED_CLEARANCE, CAUTION_CONFLICTING_TRAFFIC;

        public boolean isRed() {
            return this == STOP_THEN_PROCEED || this == STOP_AND_REMAIN;
        }

        public boolean isGreen() {
            return this == PERMISSIVE_MOVEMENT_ALLOWED || this == PROTECTED_MOVEMENT_ALLOWED;
        }

        public boolean isYellow() {
            return this == PERMISSIVE_CLEARANCE || this == PROTECTED_CLEARANCE;
        }
    }
}
