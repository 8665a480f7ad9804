package io.mensageria.eventlog.boundary;

import io.mensageria.eventlog.control.EventLogged;
import io.mensageria.eventlog.entity.LoggedEvent;
import io.mensageria.events.DomainEvent;
import io.mensageria.events.EventMetadata;
import io.mensageria.telemetry.boundary.CurrentEvent;
import io.mensageria.telemetry.boundary.TraceContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;

/**
 * How services publish events. The event is appended in the caller's transaction, beside the state
 * change it reports, and never sent from inside it: the relay sends it once the transaction has committed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class EventLog {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext
    EntityManager em;

    @Inject
    TraceContext traceContext;

    @Inject
    Event<EventLogged> logged;

    public EventMetadata append(String producer, DomainEvent event) {
        EventMetadata metadata = new EventMetadata(
                UUID.randomUUID(),
                event.eventType(),
                event.eventVersion(),
                Instant.now(),
                producer,
                traceContext.currentTraceparent(),
                CurrentEvent.causationId());
        em.persist(new LoggedEvent(metadata, JSON.toJson(event)));
        logged.fire(new EventLogged());
        return metadata;
    }
}
