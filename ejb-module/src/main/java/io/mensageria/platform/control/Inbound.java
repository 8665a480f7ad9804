package io.mensageria.platform.control;

import io.mensageria.events.DomainEvent;
import io.mensageria.events.EventMetadata;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;

/**
 * Everything a message-driven bean does around its one service call: read the envelope, continue the
 * emitter's trace, skip an event this consumer already processed, and record it as processed in the
 * same transaction as the effect. Any failure propagates, so the container redelivers the message.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Inbound {

    private static final Logger LOG = Logger.getLogger(Inbound.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    TraceContext traceContext;

    @Inject
    Inbox inbox;

    public <E extends DomainEvent> void receive(String consumer, Message message, Class<E> type,
                                                EventHandler<E> handler) {
        EventMetadata metadata = metadataOf(message);
        Span span = traceContext.startSpan(consumer + " " + metadata.eventType(), SpanKind.CONSUMER,
                metadata.traceparent());
        try (Scope ignored = span.makeCurrent()) {
            span.setAttribute("messaging.message.id", metadata.eventId().toString());
            span.setAttribute("mensageria.consumer", consumer);
            if (!inbox.markProcessed(consumer, metadata.eventId())) {
                LOG.fine(() -> consumer + " already processed " + metadata.eventId() + ", skipped");
                return;
            }
            E event = payloadOf(message, type);
            CurrentEvent.handling(metadata.eventId());
            try {
                handler.handle(event, metadata);
            } finally {
                CurrentEvent.done();
            }
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getMessage());
            throw e;
        } finally {
            span.end();
        }
    }

    private static EventMetadata metadataOf(Message message) {
        try {
            return EventMessages.metadataOf(message);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    private static <E extends DomainEvent> E payloadOf(Message message, Class<E> type) {
        try {
            E event = JSON.fromJson(EventMessages.payloadOf(message), type);
            if (event == null) {
                throw new UnreadableMessage("Empty payload for " + type.getSimpleName(), null);
            }
            return event;
        } catch (JsonbException e) {
            throw new UnreadableMessage("Payload is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }
}
