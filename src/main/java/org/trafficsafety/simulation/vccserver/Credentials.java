package org.trafficsafety.simulation.vccserver;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.trafficsafety.message.MessageType;

/** The fake server's client credentials, issued bearer tokens and single-use WebSocket keys. */
final class Credentials {

    private final String clientId;
    private final String clientSecret;
    private final InstantSource clock;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, MessageType> keys = new ConcurrentHashMap<>();
    private final AtomicLong issued = new AtomicLong();
    private volatile Duration tokenLifetime;
    private volatile boolean rejectAll;

    Credentials(String clientId, String clientSecret, Duration tokenLifetime, InstantSource clock) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.tokenLifetime = tokenLifetime;
        this.clock = clock;
    }

    /** A new token when the credentials match (and are not being refused on purpose). */
    Optional<String> issueToken(String id, String secret) {
        if (rejectAll || !clientId.equals(id) || !clientSecret.equals(secret)) {
            return Optional.empty();
        }
        String token = "fake-token-" + issued.incrementAndGet();
        tokens.put(token, clock.instant().plus(tokenLifetime));
        return Optional.of(token);
    }

    boolean acceptsAuthorization(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        Instant expiry = tokens.get(header.substring("Bearer ".length()));
        return expiry != null && clock.instant().isBefore(expiry);
    }

    String issueKey(MessageType type) {
        String key = "key-" + type.key() + "-" + issued.incrementAndGet();
        keys.put(key, type);
        return key;
    }

    /** True once per issued key of that type. */
    boolean consumeKey(String key, MessageType type) {
        return key != null && keys.remove(key, type);
    }

    long tokensIssued() {
        return tokens.size();
    }

    Duration tokenLifetime() {
        return tokenLifetime;
    }

    void tokenLifetime(Duration lifetime) {
        tokenLifetime = lifetime;
    }

    void rejectAll(boolean reject) {
        rejectAll = reject;
    }

    void expireAll() {
        tokens.replaceAll((token, expiry) -> Instant.MIN);
    }
}
