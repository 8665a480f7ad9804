package io.mensageria.inbound.boundary;

import io.mensageria.events.DomainEvent;
import io.mensageria.events.EventMetadata;

/** A service method that handles one event type, called inside the delivery's own database transaction. */
@FunctionalInterface
public interface EventHandler<E extends DomainEvent> {
    void handle(E event, EventMetadata metadata);
}
