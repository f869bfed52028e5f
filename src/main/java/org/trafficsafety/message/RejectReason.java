package org.trafficsafety.message;

/** Why a message was not accepted; the {@code reason} label of {@code tsi_messages_rejected_total}. */
public enum RejectReason {
    /** Not JSON, or not the shape of any known message. */
    MALFORMED("malformed"),
    /** A JSON message of a type this system does not read. */
    UNKNOWN_TYPE("unknown_type"),
    /** No id. */
    MISSING_ID("missing_id"),
    /** No usable latitude/longitude. */
    MISSING_POSITION("missing_position"),
    /** A value outside its physical or J2735 range (e.g. latitude 91, speed 200 m/s). */
    OUT_OF_RANGE("out_of_range"),
    /** Same id, msgCnt and secMark within 2 s of an accepted message. */
    DUPLICATE("duplicate");

    private final String label;

    RejectReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
