package io.mensageria.inbound.boundary;

import io.mensageria.catalog.boundary.ConsumerQueue;
import io.mensageria.consumers.boundary.ConsumerPauses;
import io.mensageria.events.DomainEvent;
import io.mensageria.events.EventMetadata;
import io.mensageria.inbound.control.ConsumerMetrics;
import io.mensageria.inbound.control.ReceivedMessage;
import io.mensageria.messaging.boundary.UnreadableMessage;
import io.mensageria.telemetry.boundary.CurrentEvent;
import io.mensageria.telemetry.boundary.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;

/**
 * Everything a message-driven bean does around its one service call, in five steps: read the
 * envelope, hold it while its queue is paused, continue the emitter's trace, skip an event this
 * consumer already processed (or whose original it processed, for an operator's edited copy), and
 * record a failure. The processed mark is written in the same transaction as the effect. A failure is recorded
 * (attempt and real error, in a transaction of its own) and propagates, so the container redelivers the
 * message; an unreadable message is refused at once ({@link MessageRefused}), since no retry can fix it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Inbound {

    private static final Logger LOG = Logger.getLogger(Inbound.class.getName());

    @Inject
    TraceContext traceContext;

    @Inject
    Inbox inbox;

    @EJB
    DeliveryFailures failures;

    @Inject
    ConsumerMetrics metrics;

    @Inject
    Event<MessageRefused> refused;

    @EJB
    ConsumerPauses pauses;

    public <E extends DomainEvent> void receive(
            String consumer, Message message, Class<E> type, EventHandler<E> handler) {
        long arrived = System.nanoTime();
        ReceivedMessage<E> received;
        try {
            received = ReceivedMessage.read(message, type);
        } catch (UnreadableMessage unreadable) {
            LOG.warning(() -> consumer + " refused an unreadable message: " + unreadable.getMessage());
            // Its own words ("Bad event metadata: missing property eventId"), not the parser's underneath.
            refused.fire(new MessageRefused(consumer, message, "UnreadableMessage: " + unreadable.getMessage()));
            return;
        }
        if (pauses.heldIfPaused(new ConsumerQueue(consumer, DomainEvent.typeOf(type)), message)) {
            return;
        }
        EventMetadata metadata = received.metadata();
        Span span = traceContext.startSpan(
                consumer + " " + metadata.eventType(), SpanKind.CONSUMER, metadata.traceparent());
        // The span stays current until the very end, so that a failure is logged in the emitter's trace too.
        try (Scope ignored = span.makeCurrent()) {
            span.setAttribute("messaging.message.id", metadata.eventId().toString());
            span.setAttribute(TraceContext.CONSUMER_ATTRIBUTE, consumer);
            CurrentEvent.handling(consumer, metadata.eventId());
            metrics.delivered(consumer, metadata, received.redelivered());
            handleOnce(consumer, received, handler, arrived);
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, DeliveryFailures.describe(e));
            throw e;
        } finally {
            CurrentEvent.done();
            span.end();
        }
    }

    private <E extends DomainEvent> void handleOnce(
            String consumer, ReceivedMessage<E> received, EventHandler<E> handler, long arrived) {
        EventMetadata metadata = received.metadata();
        if (!inbox.markProcessed(consumer, metadata.eventId())) {
            LOG.info(() ->
                    consumer + " already processed " + metadata.eventType() + " " + metadata.eventId() + ", skipped");
            return;
        }
        // An edited copy stands for its original: whichever of the two comes first is the one processed.
        if (received.editedFrom() != null && !inbox.markProcessed(consumer, received.editedFrom())) {
            LOG.info(() -> consumer + " already processed " + received.editedFrom() + ", the original of edited "
                    + metadata.eventId() + ", skipped");
            return;
        }
        try {
            handler.handle(received.event(), metadata);
            metrics.processed(consumer, metadata, arrived);
        } catch (RuntimeException e) {
            metrics.failed(consumer, metadata);
            String error = DeliveryFailures.describe(e);
            int attempt = failures.record(consumer, metadata.eventId(), error);
            LOG.warning(() -> consumer + " failed " + metadata.eventType() + " " + metadata.eventId() + " (attempt "
                    + attempt + "), it will be redelivered: " + error);
            throw e;
        }
    }
}
