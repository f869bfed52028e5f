package org.trafficsafety.message;

/**
 * One decoded connected-vehicle message. All times are epoch milliseconds UTC; all quantities SI.
 * Doubles use {@code NaN} for "unavailable".
 */
public sealed interface Message permits Bsm, Psm, MapData, Spat {

    MessageType type();

    /** When the message was generated: rebuilt from secMark within the minute of receipt, else the receipt time. */
    long eventTimeMs();

    /** When the message was received (by VCC, the ODE, or us). */
    long receivedAtMs();
}
