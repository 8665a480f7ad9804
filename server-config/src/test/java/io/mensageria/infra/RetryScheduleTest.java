package io.mensageria.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void theDefaultsAreThreeQuickRetriesThenFiveDoublingRounds() {
        RetrySchedule schedule = RetrySchedule.from(Map.of());

        assertEquals(List.of(seconds(1), seconds(2), seconds(4)), schedule.quickDelays());
        assertEquals(List.of(seconds(10), seconds(20), seconds(40), seconds(80), seconds(160)), schedule.roundDelays());
        assertEquals(
                Map.of(
                        "mensageria.retry.rounds",
                        "5",
                        "mensageria.retry.roundDelayMs",
                        "10000",
                        "mensageria.retry.roundBackoff",
                        "2"),
                schedule.brokerProperties());
    }

    @Test
    void theVariablesShapeBothLevels() {
        RetrySchedule schedule = RetrySchedule.from(Map.of(
                "MENSAGERIA_RETRY_ATTEMPTS", "1",
                "MENSAGERIA_RETRY_INITIAL_DELAY_MS", "300",
                "MENSAGERIA_RETRY_ROUNDS", "3",
                "MENSAGERIA_RETRY_ROUND_DELAY", "1s",
                "MENSAGERIA_RETRY_ROUND_BACKOFF", "3"));

        assertEquals(List.of(Duration.ofMillis(300)), schedule.quickDelays());
        assertEquals(List.of(seconds(1), seconds(3), seconds(9)), schedule.roundDelays());
        assertEquals("1000", schedule.brokerProperties().get("mensageria.retry.roundDelayMs"));
    }

    @Test
    void noRoundsSendsStraightToTheDeadLetterQueueAfterTheQuickRetries() {
        RetrySchedule schedule = RetrySchedule.from(Map.of("MENSAGERIA_RETRY_ROUNDS", "0"));
        assertEquals(List.of(), schedule.roundDelays());
        assertEquals("0", schedule.brokerProperties().get("mensageria.retry.rounds"));
    }

    @Test
    void roundDelaysTakeMillisecondsSecondsOrMinutes() {
        assertEquals(Duration.ofMillis(500), delay("500ms"));
        assertEquals(Duration.ofMillis(750), delay("750"));
        assertEquals(seconds(10), delay(" 10s "));
        assertEquals(Duration.ofMinutes(2), delay("2m"));
    }

    @Test
    void aBadValueNamesItsVariable() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> RetrySchedule.from(Map.of("MENSAGERIA_RETRY_ROUND_DELAY", "ten seconds")));
        assertTrue(error.getMessage().startsWith("MENSAGERIA_RETRY_ROUND_DELAY"), error.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> RetrySchedule.from(Map.of("MENSAGERIA_RETRY_ATTEMPTS", "x")));
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.from(Map.of("MENSAGERIA_RETRY_ROUNDS", "-1")));
        assertThrows(
                IllegalArgumentException.class,
                () -> RetrySchedule.from(Map.of("MENSAGERIA_RETRY_ROUND_BACKOFF", "0")));
    }

    private static Duration delay(String value) {
        return RetrySchedule.duration(Map.of("D", value), "D", "0");
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
