package io.mensageria.platform.control;

import io.mensageria.events.DomainEvent;
import io.mensageria.events.EventMetadata;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import jakarta.ejb.EJB;
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
 * same transaction as the effect. A failure is recorded (attempt and real error, in a transaction of
 * its own) and propagates, so the container redelivers the message; an unreadable message is
 * dead-lettered at once.
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

    @EJB
    DeliveryFailures failures;

    @EJB
    DeadLetterIntake deadLetters;

    @Inject
    ConsumerMetrics metrics;

    public <E extends DomainEvent> void receive(String consumer, Message message, Class<E> type,
                                                EventHandler<E> handler) {
        EventMetadata metadata;
        E event;
        try {
            metadata = metadataOf(message);
            event = payloadOf(message, type);
        } catch (UnreadableMessage unreadable) {
            // No retry can make it readable: dead-letter it now, and consume it with that record.
            refuse(consumer, message, unreadable);
            return;
        }
        Span span = traceContext.startSpan(consumer + " " + metadata.eventType(), SpanKind.CONSUMER,
                metadata.traceparent());
        // The span stays current until the very end, so that a failure is logged in the emitter's trace too.
        try (Scope ignored = span.makeCurrent()) {
            span.setAttribute("messaging.message.id", metadata.eventId().toString());
            span.setAttribute("mensageria.consumer", consumer);
            CurrentEvent.handling(consumer, metadata.eventId());
            metrics.delivered(consumer, metadata, redelivered(message));
            handleOnce(consumer, metadata, event, handler);
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, DeliveryFailures.describe(e));
            throw e;
        } finally {
            CurrentEvent.done();
            span.end();
        }
    }

    private <E extends DomainEvent> void handleOnce(String consumer, EventMetadata metadata, E event,
                                                    EventHandler<E> handler) {
        if (!inbox.markProcessed(consumer, metadata.eventId())) {
            LOG.info(() -> consumer + " already processed " + metadata.eventType() + " " + metadata.eventId()
                    + ", skipped");
            return;
        }
        try {
            handler.handle(event, metadata);
            metrics.processed(consumer, metadata);
        } catch (RuntimeException e) {
            metrics.failed(consumer, metadata);
            String error = DeliveryFailures.describe(e);
            int attempt = failures.record(consumer, metadata.eventId(), error);
            LOG.warning(() -> consumer + " failed " + metadata.eventType() + " " + metadata.eventId() + " (attempt "
                    + attempt + "), it will be redelivered: " + error);
            throw e;
        }
    }

    private static boolean redelivered(Message message) {
        try {
            return message.getJMSRedelivered();
        } catch (JMSException e) {
            return false;
        }
    }

    private void refuse(String consumer, Message message, UnreadableMessage unreadable) {
        LOG.warning(() -> consumer + " refused an unreadable message: " + unreadable.getMessage());
        try {
            // Its own words ("Bad event metadata: missing property eventId"), not the parser's underneath.
            deadLetters.refused(consumer, message, "UnreadableMessage: " + unreadable.getMessage());
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
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
