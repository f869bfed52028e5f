package org.trafficsafety.source.vcc;

import java.util.Locale;

/** How the client collects BSM and PSM: REST "current" snapshots each interval, or the WebSocket streams. */
public enum VccMode {
    POLL, STREAM;

    /** Parses {@code VCC_MODE} ("poll" or "stream", any case). */
    public static VccMode parse(String text) {
        String normalized = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (normalized) {
            case "poll" -> POLL;
            case "stream" -> STREAM;
            default -> throw new IllegalArgumentException("VCC_MODE must be poll or stream, was '" + text + "'");
        };
    }

    /** The lower-case name used in settings and status ("poll", "stream"). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
