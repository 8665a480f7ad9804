package io.mensageria.catalog.boundary;

import java.util.Optional;

/**
 * The queue from which one consuming service reads one event type, {@code Consumer.<service>.VirtualTopic.<EventType>}:
 * ActiveMQ fans every message published to {@code VirtualTopic.<EventType>} out to each such queue.
 */
public record ConsumerQueue(String consumer, String eventType) {

    static final String PREFIX = "Consumer.";
    static final String TOPIC_PREFIX = "VirtualTopic.";

    public String name() {
        return PREFIX + consumer + "." + TOPIC_PREFIX + eventType;
    }

    /** The consumer and event type a queue name stands for; empty for any other destination. */
    public static Optional<ConsumerQueue> parse(String queue) {
        if (queue == null || !queue.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = queue.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot < 1 || !rest.startsWith(TOPIC_PREFIX, dot + 1)) {
            return Optional.empty();
        }
        String eventType = rest.substring(dot + 1 + TOPIC_PREFIX.length());
        return eventType.isEmpty() || eventType.contains(".")
                ? Optional.empty()
                : Optional.of(new ConsumerQueue(rest.substring(0, dot), eventType));
    }

    @Override
    public String toString() {
        return name();
    }
}
