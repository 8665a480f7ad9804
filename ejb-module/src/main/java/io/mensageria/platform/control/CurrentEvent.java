package io.mensageria.platform.control;

import java.util.UUID;

/**
 * The event a consumer is handling on this thread, so that events emitted while handling it record it
 * as their cause. Set and cleared by {@link Inbound}; a message is handled on one thread from start to end.
 */
public final class CurrentEvent {

    private static final ThreadLocal<UUID> HANDLED = new ThreadLocal<>();

    private CurrentEvent() {
    }

    public static UUID causationId() {
        return HANDLED.get();
    }

    static void handling(UUID eventId) {
        HANDLED.set(eventId);
    }

    static void done() {
        HANDLED.remove();
    }
}
