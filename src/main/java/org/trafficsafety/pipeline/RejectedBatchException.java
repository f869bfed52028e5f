package org.trafficsafety.pipeline;

/** A sink refuses a batch for good (e.g. a constraint violation): retrying cannot help, so it is quarantined. */
public final class RejectedBatchException extends Exception {

    public RejectedBatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
