package io.mensageria.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a failed delivery is tried again, from the MENSAGERIA_RETRY_* variables: quick redeliveries by
 * the resource adapter (it holds the consumer while it waits, so they are short), then delayed rounds
 * scheduled by the broker (they hold nothing), then the consumer's dead-letter queue.
 */
public record RetrySchedule(
        int attempts, Duration initialDelay, int backoff, int rounds, Duration roundDelay, int roundBackoff) {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

    public RetrySchedule {
        if (attempts < 0 || rounds < 0 || backoff < 1 || roundBackoff < 1) {
            throw new IllegalArgumentException("attempts and rounds must be 0 or more, back-off factors 1 or more");
        }
    }

    /** The schedule the variables describe, with the README's defaults for those unset. */
    public static RetrySchedule from(Map<String, String> environment) {
        return new RetrySchedule(
                number(environment, "MENSAGERIA_RETRY_ATTEMPTS", "3"),
                Duration.ofMillis(number(environment, "MENSAGERIA_RETRY_INITIAL_DELAY_MS", "1000")),
                number(environment, "MENSAGERIA_RETRY_BACKOFF", "2"),
                number(environment, "MENSAGERIA_RETRY_ROUNDS", "5"),
                duration(environment, "MENSAGERIA_RETRY_ROUND_DELAY", "10s"),
                number(environment, "MENSAGERIA_RETRY_ROUND_BACKOFF", "2"));
    }

    /** The waits before each quick redelivery. */
    public List<Duration> quickDelays() {
        return delays(attempts, initialDelay, backoff);
    }

    /** The waits before each broker-scheduled round. */
    public List<Duration> roundDelays() {
        return delays(rounds, roundDelay, roundBackoff);
    }

    /** What activemq.xml's placeholders read: the broker's part of the schedule. */
    public Map<String, String> brokerProperties() {
        return Map.of(
                "mensageria.retry.rounds", Integer.toString(rounds),
                "mensageria.retry.roundDelayMs", Long.toString(roundDelay.toMillis()),
                "mensageria.retry.roundBackoff", Integer.toString(roundBackoff));
    }

    @Override
    public String toString() {
        return "quick redeliveries after " + quickDelays() + ", then broker rounds after " + roundDelays()
                + ", then the dead-letter queue";
    }

    private static List<Duration> delays(int count, Duration first, int factor) {
        List<Duration> delays = new ArrayList<>();
        Duration next = first;
        for (int i = 0; i < count; i++) {
            delays.add(next);
            next = next.multipliedBy(factor);
        }
        return delays;
    }

    private static int number(Map<String, String> environment, String name, String fallback) {
        String value = environment.getOrDefault(name, fallback).strip();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }

    /** "10s", "500ms", "2m", or plain milliseconds. */
    static Duration duration(Map<String, String> environment, String name, String fallback) {
        String value = environment.getOrDefault(name, fallback).strip();
        Matcher matcher = DURATION.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(name + " must be like 10s, 500ms or 2m, not '" + value + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofMillis(amount);
        };
    }
}
