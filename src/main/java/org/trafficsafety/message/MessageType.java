package org.trafficsafety.message;

/** The four J2735 message types the system reads. {@link #key()} names them in paths, metrics and CLI output. */
public enum MessageType {
    BSM("bsm"), PSM("psm"), MAPDATA("mapdata"), SPAT("spat");

    private final String key;

    MessageType(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
