package io.mensageria.accounts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInFailuresTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 28, 12, 0, 0, 0, ZoneOffset.UTC);
    private static final int FREE = 5;

    @Test
    void theFirstFailuresCostNothing() {
        assertEquals(Duration.ZERO, failedTimes(FREE - 1).waitBefore(T0, FREE));
    }

    @Test
    void thenEachFailureDoublesTheWait() {
        assertEquals(Duration.ofSeconds(5), failedTimes(5).waitBefore(T0, FREE));
        assertEquals(Duration.ofSeconds(10), failedTimes(6).waitBefore(T0, FREE));
        assertEquals(Duration.ofSeconds(20), failedTimes(7).waitBefore(T0, FREE));
    }

    @Test
    void theWaitRunsFromTheLastFailureAndIsCapped() {
        assertEquals(Duration.ofSeconds(2), failedTimes(5).waitBefore(T0.plusSeconds(3), FREE));
        assertEquals(Duration.ZERO, failedTimes(5).waitBefore(T0.plusSeconds(6), FREE));
        assertEquals(SignInFailures.MAX_WAIT, failedTimes(40).waitBefore(T0, FREE));
    }

    @Test
    void anAttemptTakenBackNoLongerCounts() {
        SignInFailures failures = failedTimes(FREE);
        failures.tookBack();
        assertEquals(Duration.ZERO, failures.waitBefore(T0, FREE));
    }

    private static SignInFailures failedTimes(int times) {
        SignInFailures failures = new SignInFailures("email 192.0.2.7 ana@example.com");
        for (int i = 0; i < times; i++) {
            failures.failedAt(T0);
        }
        return failures;
    }
}
