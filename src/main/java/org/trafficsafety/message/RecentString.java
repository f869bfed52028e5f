package org.trafficsafety.message;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A one-entry cache of a string value that repeats from message to message (VCC {@code locationName}, ODE
 * {@code originIp}): the parser's characters are compared with the last value, so a repeat costs no
 * allocation. Shared by threads without locking: the field holds an immutable String, so a race only costs a
 * miss.
 */
final class RecentString {

    private String last = "";

    /** The current token's text, reusing the previous instance when equal; null for non-strings (skipped). */
    String read(JsonParser p, JsonToken t) {
        if (t != JsonToken.VALUE_STRING) {
            p.skipChildren();
            return null;
        }
        String previous = last;
        if (JsonRead.textEquals(p, previous)) {
            return previous;
        }
        String fresh = p.getString();
        last = fresh;
        return fresh;
    }
}
