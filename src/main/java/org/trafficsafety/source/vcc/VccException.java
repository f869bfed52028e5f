package org.trafficsafety.source.vcc;

/** A VCC request failed for good (after its retries); the message names the request and the cause. */
public class VccException extends RuntimeException {

    private final int httpStatus;

    public VccException(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    public VccException(String message, int httpStatus) {
        this(message, httpStatus, null);
    }

    /** The HTTP status of the last answer, 0 when there was none (I/O error, timeout). */
    public int httpStatus() {
        return httpStatus;
    }
}
