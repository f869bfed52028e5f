package org.trafficsafety.config;

import java.util.Optional;

/**
 * The HTTP side: PORT (8080) and ADMIN_TOKEN, the bearer token the admin endpoints require (none: they are off).
 */
public record ServerSettings(int port, Optional<String> adminToken) {

    public static ServerSettings from(EnvSettings env) {
        Optional<String> token = env.optional("ADMIN_TOKEN");
        if (token.isPresent() && token.get().length() < 16) {
            throw new InvalidSettingException("ADMIN_TOKEN", "(" + token.get().length() + " characters)", "at least 16 characters");
        }
        return new ServerSettings(env.integer("PORT", 8080, 1, 65535), token);
    }

    @Override
    public String toString() {
        return "ServerSettings[port " + port + ", admin token " + (adminToken.isPresent() ? "(set)" : "(none)") + "]";
    }
}
