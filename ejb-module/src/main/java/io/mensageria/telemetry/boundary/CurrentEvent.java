package io.mensageria.telemetry.boundary;

import java.util.UUID;

/**
 * The event a consumer is handling on this thread, so that events emitted while handling it record it
 * as their cause, and log lines name the event and the consumer. Set and cleared by the inbound pipeline;
 * a message is handled on one thread from start to end.
 */
public final class CurrentEvent {

    private record Handling(String consumer, UUID eventId) {}

    private static final ThreadLocal<Handling> HANDLING = new ThreadLocal<>();

    private CurrentEvent() {}

    public static UUID causationId() {
        Handling handling = HANDLING.get();
        return handling == null ? null : handling.eventId();
    }

    public static String consumer() {
        Handling handling = HANDLING.get();
        return handling == null ? null : handling.consumer();
    }

    public static void handling(String consumer, UUID eventId) {
        HANDLING.set(new Handling(consumer, eventId));
    }

    public static void done() {
        HANDLING.remove();
    }
}
