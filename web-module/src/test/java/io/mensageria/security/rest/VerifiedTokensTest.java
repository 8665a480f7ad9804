package io.mensageria.security.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final JsonWebToken USER = new JsonWebToken() {
        @Override
        public String getName() {
            return "user-1";
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of();
        }

        @Override
        public <T> T getClaim(String claimName) {
            return null;
        }
    };

    private final MovableClock clock = new MovableClock();
    private final VerifiedTokens tokens = new VerifiedTokens(2, clock);

    @Test
    void aRememberedTokenFindsItsCallerUntilItExpires() {
        VerifiedTokens.Caller caller = new VerifiedTokens.Caller(USER, Set.of("user"), NOW.plusSeconds(60));
        tokens.remember("token-a", caller);

        assertEquals(Optional.of(caller), tokens.callerOf("token-a"));
        clock.now = NOW.plusSeconds(60);
        assertEquals(Optional.empty(), tokens.callerOf("token-a"), "expired at its exp, not after");
    }

    @Test
    void onlyTheVeryTokenFindsItsCaller() {
        tokens.remember("header.payload.signature", new VerifiedTokens.Caller(USER, Set.of(), NOW.plusSeconds(60)));

        assertTrue(tokens.callerOf("header.payload.forged").isEmpty());
        assertTrue(tokens.callerOf("header.payload.signatur").isEmpty());
    }

    @Test
    void whenFullExpiredTokensMakeRoomAndOtherwiseNothingNewIsKept() {
        tokens.remember("short", new VerifiedTokens.Caller(USER, Set.of(), NOW.plusSeconds(10)));
        tokens.remember("long", new VerifiedTokens.Caller(USER, Set.of(), NOW.plusSeconds(600)));
        clock.now = NOW.plusSeconds(30);

        tokens.remember("new", new VerifiedTokens.Caller(USER, Set.of(), NOW.plusSeconds(600)));
        tokens.remember("one too many", new VerifiedTokens.Caller(USER, Set.of(), NOW.plusSeconds(600)));

        assertTrue(tokens.callerOf("new").isPresent(), "the expired one made room");
        assertTrue(tokens.callerOf("long").isPresent());
        assertTrue(tokens.callerOf("one too many").isEmpty(), "full of live tokens: not kept");
    }

    private static final class MovableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
