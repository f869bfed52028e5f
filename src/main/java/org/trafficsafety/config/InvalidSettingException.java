package org.trafficsafety.config;

/** A configuration value that cannot be used; the message names the variable, its value and what is expected. */
public final class InvalidSettingException extends IllegalArgumentException {

    private final String variable;

    public InvalidSettingException(String variable, String value, String expected) {
        super(variable + "=" + value + " is invalid: expected " + expected);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
