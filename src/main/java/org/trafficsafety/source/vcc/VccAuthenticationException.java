package org.trafficsafety.source.vcc;

/** VCC refused the client credentials; retrying at once cannot help, so callers back off. */
public final class VccAuthenticationException extends VccException {

    public VccAuthenticationException(String message, int httpStatus) {
        super(message, httpStatus);
    }
}
