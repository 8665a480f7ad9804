package io.mensageria.inbound.boundary;

import io.mensageria.catalog.boundary.ConsumerQueue;
import io.mensageria.consumers.boundary.ConsumerPauses;
import io.mensageria.events.DomainEvent;
import io.mensageria.events.EventMetadata;
import io.mensageria.inbound.boundary.Inbox.Mark;
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
 * envelope, continue the emitter's trace, hold it while its queue is paused, skip an event this
 * consumer already processed (or whose original it processed, for an operator's edited copy), and
 * record a failure. One statement reads the pause and writes the processed mark ({@link Inbox}). The
 * processed mark is written in the same transaction as the effect, and that transaction commits
 * before the adapter acknowledges the message ({@link OwnTransaction}): a delivery is a one-phase
 * database commit and a local broker acknowledgement, not a two-phase commit of both, and the inbox
 * makes the redelivery after a crash between the two harmless. A failure is recorded
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
        EventMetadata metadata = received.metadata();
        ConsumerQueue queue = new ConsumerQueue(consumer, DomainEvent.typeOf(type));
        Span span = traceContext.startSpan(
                consumer + " " + metadata.eventType(), SpanKind.CONSUMER, metadata.traceparent());
        // The span stays current until the very end, so that a failure is logged in the emitter's trace too.
        try (Scope ignored = span.makeCurrent()) {
            span.setAttribute("messaging.message.id", metadata.eventId().toString());
            span.setAttribute(TraceContext.CONSUMER_ATTRIBUTE, consumer);
            CurrentEvent.handling(consumer, metadata.eventId());
            if (pausedElseHandled(queue, received, handler, arrived, span)) {
                hold(queue, message, metadata);
            }
        } finally {
            CurrentEvent.done();
            span.end();
        }
    }

    /** Answers whether the queue was paused; else the delivery was handled once, or will be redelivered. */
    private <E extends DomainEvent> boolean pausedElseHandled(
            ConsumerQueue queue, ReceivedMessage<E> received, EventHandler<E> handler, long arrived, Span span) {
        try {
            return transaction.call(() -> handleOnce(queue, received, handler, arrived)) == Mark.PAUSED;
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, DeliveryFailures.describe(e));
            try {
                recordFailure(queue.consumer(), received.metadata(), e);
            } finally {
                AdapterDelivery.redeliver();
            }
            return false;
        }
    }

    private <E extends DomainEvent> Mark handleOnce(
            ConsumerQueue queue, ReceivedMessage<E> received, EventHandler<E> handler, long arrived) {
        String consumer = queue.consumer();
        EventMetadata metadata = received.metadata();
        Mark mark = inbox.markProcessedUnlessPaused(consumer, metadata.eventId(), queue.name());
        if (mark == Mark.PAUSED) {
            return mark;
        }
        metrics.delivered(consumer, metadata, received.redelivered());
        if (mark == Mark.DUPLICATE) {
            LOG.info(() ->
                    consumer + " already processed " + metadata.eventType() + " " + metadata.eventId() + ", skipped");
            return mark;
        }
        // An edited copy stands for its original: whichever of the two comes first is the one processed.
        if (received.editedFrom() != null && !inbox.markProcessed(consumer, received.editedFrom())) {
            LOG.info(() -> consumer + " already processed " + received.editedFrom() + ", the original of edited "
                    + metadata.eventId() + ", skipped");
            return Mark.DUPLICATE;
        }
        handler.handle(received.event(), metadata);
        metrics.processed(consumer, metadata, arrived);
        return mark;
    }

    /** Its queue was paused when the delivery read it: the message waits, unhandled, in the held queue. */
    private void hold(ConsumerQueue queue, Message message, EventMetadata metadata) {
        try {
            pauses.hold(queue, message);
        } catch (RuntimeException e) {
            AdapterDelivery.redeliver();
            throw e;
        }
        LOG.info(() -> queue + " is paused: " + metadata.eventType() + " " + metadata.eventId() + " held");
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
