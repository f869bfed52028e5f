package org.trafficsafety.source.vcc;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The cached bearer token: fetched on first use, renewed {@code renewBefore} ahead of expiry (at most half its
 * lifetime ahead, so that short-lived tokens are not renewed on every request) and after a 401.
 */
final class AccessTokens {

    /** A token as VCC issued it. */
    record Token(String value, Duration lifetime) {
    }

    private final Supplier<Token> issuer;
    private final Duration renewBefore;
    private final InstantSource clock;
    private final VccCounters counters;
    private String value;
    private Instant expiresAt;
    private Instant renewAt;

    AccessTokens(Supplier<Token> issuer, Duration renewBefore, InstantSource clock, VccCounters counters) {
        this.issuer = issuer;
        this.renewBefore = renewBefore;
        this.clock = clock;
        this.counters = counters;
    }

    /** A token valid now, fetching a new one when there is none or it is due for renewal. */
    synchronized String require() {
        if (value == null || !clock.instant().isBefore(renewAt)) {
            boolean renewal = value != null || expiresAt != null;
            Token token = issuer.get();
            Instant now = clock.instant();
            Duration margin = renewBefore.compareTo(token.lifetime().dividedBy(2)) > 0
                    ? token.lifetime().dividedBy(2) : renewBefore;
            value = token.value();
            expiresAt = now.plus(token.lifetime());
            renewAt = expiresAt.minus(margin);
            if (renewal) {
                counters.tokenRenewals.incrementAndGet();
            }
        }
        return value;
    }

    /** Forgets {@code rejected} (the server answered 401 to it), unless another thread already replaced it. */
    synchronized void invalidate(String rejected) {
        if (rejected.equals(value)) {
            value = null;
        }
    }

    synchronized Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }
}
