package io.mensageria.security.rest;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens MicroProfile JWT has verified, kept until they expire, so that the next request with
 * the same token skips parsing it and checking its signature again (a client sends one token with
 * many requests). The key is the whole token, signature included: only the very token that passed
 * verification finds its entry. Bounded: when full, expired entries go, and if none has, nothing new
 * is kept until some expire (the requests are still verified, only not remembered).
 */
final class VerifiedTokens {

    /** Who a verified token signs in, and until when. */
    record Caller(JsonWebToken principal, Set<String> groups, Instant expiresAt) {}

    private final ConcurrentMap<String, Caller> callers = new ConcurrentHashMap<>();
    private final int capacity;
    private final Clock clock;

    VerifiedTokens(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    /** The caller of a token verified before and not yet expired. */
    Optional<Caller> callerOf(String token) {
        Caller caller = callers.get(token);
        if (caller == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(caller.expiresAt())) {
            callers.remove(token, caller);
            return Optional.empty();
        }
        return Optional.of(caller);
    }

    void remember(String token, Caller caller) {
        if (callers.size() >= capacity) {
            Instant now = clock.instant();
            callers.values().removeIf(kept -> !now.isBefore(kept.expiresAt()));
            if (callers.size() >= capacity) {
                return;
            }
        }
        callers.put(token, caller);
    }
}
