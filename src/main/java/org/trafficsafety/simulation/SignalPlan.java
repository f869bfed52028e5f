package org.trafficsafety.simulation;

import java.util.ArrayList;
import java.util.List;
import org.trafficsafety.message.Spat;
import org.trafficsafety.message.Spat.SignalPhase;

/**
 * The fixed-time four-phase plan of one intersection (see {@link SimulationConfig.Signals}), shifted by an offset.
 * Phase group 0 serves the north–south street (approaches 0 and 2), group 1 the east–west street.
 */
final class SignalPlan {

    enum Light { PROTECTED, PERMISSIVE, YELLOW, RED;

        boolean isGreen() {
            return this == PROTECTED || this == PERMISSIVE;
        }
    }

    enum Walk { WALK, FLASHING_DONT_WALK, DONT_WALK }

    private final long cycleMs;
    private final long halfMs;
    private final long offsetMs;
    private final long leftGreenMs;
    private final long leftYellowEndMs;
    private final long throughStartMs;
    private final long throughEndMs;
    private final long yellowEndMs;
    private final long walkEndMs;

    SignalPlan(SimulationConfig.Signals s, long offsetMs) {
        leftGreenMs = ms(s.leftGreenS());
        leftYellowEndMs = leftGreenMs + ms(s.leftYellowS());
        throughStartMs = leftYellowEndMs + ms(s.allRedS());
        throughEndMs = throughStartMs + ms(s.throughGreenS());
        yellowEndMs = throughEndMs + ms(s.yellowS());
        halfMs = yellowEndMs + ms(s.allRedS());
        cycleMs = 2 * halfMs;
        walkEndMs = throughStartMs + ms(s.walkS());
        this.offsetMs = Math.floorMod(offsetMs, cycleMs);
    }

    private static long ms(double s) {
        return Math.round(s * 1000);
    }

    long cycleMs() {
        return cycleMs;
    }

    /** Time within the half cycle of the group, and the group's end boundaries, for one approach. */
    private long phaseTime(int group, long tMs) {
        return Math.floorMod(tMs - offsetMs - group * halfMs, cycleMs);
    }

    Light vehicleLight(int approach, Layout.Turn turn, long tMs) {
        long t = phaseTime(approach % 2, tMs);
        if (turn == Layout.Turn.LEFT) {
            if (t < leftGreenMs) {
                return Light.PROTECTED;
            }
            if (t < leftYellowEndMs) {
                return Light.YELLOW;
            }
            if (t >= throughStartMs && t < throughEndMs) {
                return Light.PERMISSIVE;
            }
            return t >= throughEndMs && t < yellowEndMs ? Light.YELLOW : Light.RED;
        }
        if (t >= throughStartMs && t < throughEndMs) {
            return Light.PROTECTED;
        }
        return t >= throughEndMs && t < yellowEndMs ? Light.YELLOW : Light.RED;
    }

    /** The crosswalk across a leg walks with the through phase of the street perpendicular to the leg. */
    Walk walk(int leg, long tMs) {
        long t = phaseTime((leg + 1) % 2, tMs);
        if (t >= throughStartMs && t < walkEndMs) {
            return Walk.WALK;
        }
        return t >= walkEndMs && t < throughEndMs ? Walk.FLASHING_DONT_WALK : Walk.DONT_WALK;
    }

    /** How long the current indication of a movement still lasts, ms. */
    long remainingMs(int approach, Layout.Turn turn, long tMs) {
        return endOfVehicleState(approach, turn, tMs) - tMs;
    }

    /** When the current indication of a movement ends, epoch ms. */
    private long endOfVehicleState(int approach, Layout.Turn turn, long tMs) {
        long t = phaseTime(approach % 2, tMs);
        long[] bounds = turn == Layout.Turn.LEFT
                ? new long[] {leftGreenMs, leftYellowEndMs, throughStartMs, throughEndMs, yellowEndMs, cycleMs}
                : new long[] {throughStartMs, throughEndMs, yellowEndMs, cycleMs + throughStartMs};
        Light now = vehicleLight(approach, turn, tMs);
        long end = tMs;
        for (long b : bounds) {
            if (b > t) {
                end = tMs + (b - t);
                if (vehicleLight(approach, turn, end) != now) {
                    return end;
                }
            }
        }
        return end;
    }

    private long endOfWalkState(int leg, long tMs) {
        long t = phaseTime((leg + 1) % 2, tMs);
        long[] bounds = {throughStartMs, walkEndMs, throughEndMs, cycleMs + throughStartMs};
        Walk now = walk(leg, tMs);
        for (long b : bounds) {
            if (b > t && walk(leg, tMs + (b - t)) != now) {
                return tMs + (b - t);
            }
        }
        return tMs;
    }

    /** The SPaT of one intersection: every bound signal group with its indication and when it ends. */
    Spat.IntersectionState state(int intersectionId, List<Layout.SignalBinding> groups, long tMs) {
        List<Spat.MovementState> states = new ArrayList<>(groups.size());
        for (Layout.SignalBinding g : groups) {
            if (g.walk()) {
                SignalPhase phase = switch (walk(g.leg(), tMs)) {
                    case WALK -> SignalPhase.PROTECTED_MOVEMENT_ALLOWED;
                    case FLASHING_DONT_WALK -> SignalPhase.PROTECTED_CLEARANCE;
                    case DONT_WALK -> SignalPhase.STOP_AND_REMAIN;
                };
                states.add(movementState(g.signalGroup(), phase, endOfWalkState(g.leg(), tMs)));
            } else {
                states.add(movementState(g.signalGroup(), toPhase(vehicleLight(g.leg(), g.turn(), tMs)),
                        endOfVehicleState(g.leg(), g.turn(), tMs)));
            }
        }
        return new Spat.IntersectionState(intersectionId, 0, 1, 0, states);
    }

    private static Spat.MovementState movementState(int signalGroup, SignalPhase phase, long endMs) {
        return new Spat.MovementState(signalGroup, List.of(new Spat.MovementEvent(phase, endMs, endMs, endMs)));
    }

    private static SignalPhase toPhase(Light light) {
        return switch (light) {
            case PROTECTED -> SignalPhase.PROTECTED_MOVEMENT_ALLOWED;
            case PERMISSIVE -> SignalPhase.PERMISSIVE_MOVEMENT_ALLOWED;
            case YELLOW -> SignalPhase.PROTECTED_CLEARANCE;
            case RED -> SignalPhase.STOP_AND_REMAIN;
        };
    }
}
