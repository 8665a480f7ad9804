package io.mensageria.catalog.boundary;

import io.mensageria.events.DomainEvent;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What one service is, as the shared components need to know it: its name, the Java package it lives
 * in (its log lines are its own), the queues it consumes, the events it publishes, whether a replay
 * may make it process events again, and the public routes it serves (its server spans are its own).
 * Each service declares itself once, in its {@link ServiceDeclaration}.
 */
public record Service(
        String name,
        String packageName,
        List<ConsumerQueue> consumes,
        List<String> publishes,
        Reprocessing reprocessing,
        List<String> routes) {

    /** Whether handling an event a second time is harmless (a notification again) or not (a second charge). */
    public enum Reprocessing {
        SAFE,
        UNSAFE
    }

    private static final Pattern NAME = Pattern.compile("[a-z]+");

    public Service {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A service name is lowercase letters: " + name);
        }
        for (ConsumerQueue queue : consumes) {
            if (!queue.consumer().equals(name)) {
                throw new IllegalArgumentException(name + " cannot consume another service's queue " + queue);
            }
        }
        consumes = List.copyOf(consumes);
        publishes = List.copyOf(publishes);
        routes = List.copyOf(routes);
    }

    /** Starts a declaration: the service named so, living in the package of the given class. */
    public static Service named(String name, Class<?> declaration) {
        return new Service(name, declaration.getPackageName(), List.of(), List.of(), Reprocessing.SAFE, List.of());
    }

    /** Queue names as the message-driven beans' annotations spell them. */
    public Service consuming(String... queues) {
        List<ConsumerQueue> parsed = Arrays.stream(queues)
                .map(queue -> ConsumerQueue.parse(queue)
                        .orElseThrow(() -> new IllegalArgumentException("Not a consumer queue: " + queue)))
                .toList();
        return new Service(name, packageName, parsed, publishes, reprocessing, routes);
    }

    @SafeVarargs
    public final Service publishing(Class<? extends DomainEvent>... events) {
        return new Service(
                name,
                packageName,
                consumes,
                Arrays.stream(events).map(DomainEvent::typeOf).toList(),
                reprocessing,
                routes);
    }

    public Service reprocessing(Reprocessing reprocessing) {
        return new Service(name, packageName, consumes, publishes, reprocessing, routes);
    }

    /** Route templates as JAX-RS declares them, e.g. {@code /api/users/{userId}/cards}. */
    public Service serving(String... routes) {
        return new Service(name, packageName, consumes, publishes, reprocessing, List.of(routes));
    }

    public boolean consumes(String eventType) {
        return consumes.stream().anyMatch(queue -> queue.eventType().equals(eventType));
    }
}
