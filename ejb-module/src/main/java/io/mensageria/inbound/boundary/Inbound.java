package io.mensageria.inbound.boundary;

import io.mensageria.catalog.boundary.ConsumerQueue;
import io.mensageria.consumers.boundary.ConsumerPauses;
import io.mensageria.events.DomainEvent;
import io.mensageria.events.EventMetadata;
import io.mensageria.inbound.control.AdapterDelivery;
import io.mensageria.inbound.control.ConsumerMetrics;
import io.mensageria.inbound.control.OwnTransaction;
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
import java.util.logging.Logger;

/**
 * Everything a message-driven bean does around its one service call, in five steps: read the
 * envelope, hold it while its queue is paused, continue the emitter's trace, skip an event this
 * consumer already processed (or whose original it processed, for an operator's edited copy), and
 * record a failure. The processed mark is written in the same transaction as the effect, and that
 * transaction commits before the adapter acknowledges the message ({@link OwnTransaction}): a delivery
 * is a one-phase database commit and a local broker acknowledgement, not a two-phase commit of both,
 * and the inbox makes the redelivery after a crash between the two harmless. A failure is recorded
 * (attempt and real error, in a transaction of its own) and the delivery rolled back, so that the
 * adapter redelivers the message; an unreadable message is refused at once ({@link MessageRefused}),
 * since no retry can fix it.
 */
@ApplicationScoped
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

    @EJB
    OwnTransaction transaction;

    public <E extends DomainEvent> void receive(
            String consumer, Message message, Class<E> type, EventHandler<E> handler) {
        long arrived = System.nanoTime();
        ReceivedMessage<E> received;
        try {
            received = ReceivedMessage.read(message, type);
        } catch (UnreadableMessage unreadable) {
            LOG.warning(() -> consumer + " refused an unreadable message: " + unreadable.getMessage());
            // Its own words ("Bad event metadata: missing property eventId"), not the parser's underneath.
            MessageRefused refusal =
                    new MessageRefused(consumer, message, "UnreadableMessage: " + unreadable.getMessage());
            try {
                transaction.run(() -> refused.fire(refusal));
            } catch (RuntimeException e) {
                AdapterDelivery.redeliver();
                throw e;
            }
            return;
        }
        boolean held;
        try {
            held = pauses.heldIfPaused(new ConsumerQueue(consumer, DomainEvent.typeOf(type)), message);
        } catch (RuntimeException e) {
            AdapterDelivery.redeliver();
            throw e;
        }
        if (held) {
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
            handleOrRedeliver(consumer, received, handler, arrived, span);
        } finally {
            CurrentEvent.done();
            span.end();
        }
    }

    private <E extends DomainEvent> void handleOrRedeliver(
            String consumer, ReceivedMessage<E> received, EventHandler<E> handler, long arrived, Span span) {
        try {
            transaction.run(() -> handleOnce(consumer, received, handler, arrived));
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, DeliveryFailures.describe(e));
            try {
                recordFailure(consumer, received.metadata(), e);
            } finally {
                AdapterDelivery.redeliver();
            }
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
        handler.handle(received.event(), metadata);
        metrics.processed(consumer, metadata, arrived);
    }

    /** After the effect's transaction rolled back (or failed to commit): its attempt, with the real error. */
    private void recordFailure(String consumer, EventMetadata metadata, RuntimeException failure) {
        metrics.failed(consumer, metadata);
        String error = DeliveryFailures.describe(failure);
        int attempt = failures.record(consumer, metadata.eventId(), error);
        LOG.warning(() -> consumer + " failed " + metadata.eventType() + " " + metadata.eventId() + " (attempt "
                + attempt + "), it will be redelivered: " + error);
    }
}
