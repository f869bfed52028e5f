package org.trafficsafety.message;

import java.util.Locale;

/** The JSON dialects messages arrive in. */
public enum Dialect {
    /** Virginia Connected Corridors Public API v3.1. */
    VCC,
    /** USDOT ODE output, schemaVersion 6, 8 or 9. */
    ODE;

    /** "vcc" or "ode", case-insensitive. */
    public static Dialect parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
