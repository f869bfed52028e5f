package org.trafficsafety.pipeline.spool;

/** The spool reached its batch or byte limit; the message carries the numbers an operator needs. */
public final class SpoolFullException extends Exception {

    public SpoolFullException(String message) {
        super(message);
    }
}
