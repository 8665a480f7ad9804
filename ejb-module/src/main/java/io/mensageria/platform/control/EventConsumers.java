package io.mensageria.platform.control;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which services consume which event type: DESIGN.md's services table. Each
 * pair has a message-driven bean reading {@code Consumer.<service>.VirtualTopic.<EventType>};
 * EventConsumersTest keeps the two in step.
 */
public final class EventConsumers {

    private static final Map<String, List<String>> CONSUMERS = Map.of(
            "UserRegistered", List.of("billing", "notifications"),
            "CardAdded", List.of("billing"),
            "PlanPurchased", List.of("billing"),
            "PaymentSucceeded", List.of("subscriptions"),
            "PaymentFailed", List.of("subscriptions", "notifications"),
            "SubscriptionActivated", List.of("notifications"));

    private EventConsumers() {
    }

    public static List<String> consumersOf(String eventType) {
        return CONSUMERS.getOrDefault(eventType, List.of());
    }

    /** Consumers whose effect must never be repeated (a charge): a replay may not clear their marks. */
    private static final Set<String> UNSAFE_TO_REPEAT = Set.of("billing");

    public static boolean safeToRepeat(String consumer) {
        return !UNSAFE_TO_REPEAT.contains(consumer);
    }

    public static Map<String, List<String>> all() {
        return CONSUMERS;
    }
}
