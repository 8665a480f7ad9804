package io.mensageria.accounts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInFailuresTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 28, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void theFirstFailuresCostNothing() {
        SignInFailures failures = failedTimes(SignInFailures.FREE_ATTEMPTS - 1);
        assertEquals(Duration.ZERO, failures.waitBefore(T0));
    }

    @Test
    void thenEachFailureDoublesTheWait() {
        assertEquals(Duration.ofSeconds(5), failedTimes(5).waitBefore(T0));
        assertEquals(Duration.ofSeconds(10), failedTimes(6).waitBefore(T0));
        assertEquals(Duration.ofSeconds(20), failedTimes(7).waitBefore(T0));
    }

    @Test
    void theWaitRunsFromTheLastFailureAndIsCapped() {
        assertEquals(Duration.ofSeconds(2), failedTimes(5).waitBefore(T0.plusSeconds(3)));
        assertEquals(Duration.ZERO, failedTimes(5).waitBefore(T0.plusSeconds(6)));
        assertEquals(SignInFailures.MAX_WAIT, failedTimes(40).waitBefore(T0));
    }

    private static SignInFailures failedTimes(int times) {
        SignInFailures failures = new SignInFailures("ana@example.com");
        for (int i = 0; i < times; i++) {
            failures.failedAt(T0);
        }
        return failures;
    }
}
