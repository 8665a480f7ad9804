package io.mensageria.platform.control;

import io.mensageria.events.EventMetadata;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The platform's gauges on /metrics: messages waiting in each consumer queue (mensageria_queue_depth),
 * unpublished events (mensageria_relay_backlog), pending dead letters per consumer
 * (mensageria_dlq_depth) and what the central log had to drop (mensageria_log_dropped_total,
 * mensageria_span_dropped_total).
 */
@Singleton
@Startup
public class PlatformMetrics {

    @Inject
    MetricRegistry registry;

    @EJB
    EventRelay relay;

    @EJB
    PlatformMetrics self;

    @EJB
    BrokerStatistics broker;

    @PersistenceContext
    EntityManager em;

    @PostConstruct
    void register() {
        registry.gauge("mensageria_relay_backlog", relay::backlog);
        EventConsumers.all().forEach((eventType, consumers) -> consumers.forEach(consumer -> {
            String queue = EventMetadata.consumerQueue(consumer, eventType);
            registry.gauge("mensageria_queue_depth", () -> broker.depth(queue), new Tag("queue", queue),
                    new Tag("consumer", consumer), new Tag("event_type", eventType));
        }));
        EventConsumers.all().values().stream().flatMap(List::stream).distinct().forEach(consumer ->
                registry.gauge("mensageria_dlq_depth", () -> self.pendingDeadLetters(consumer), new Tag("consumer", consumer)));
        registry.gauge("mensageria_log_dropped_total", TelemetryBuffer::droppedLogs);
        registry.gauge("mensageria_span_dropped_total", TelemetryBuffer::droppedSpans);
    }

    public long pendingDeadLetters(String consumer) {
        return ((Number) em.createNativeQuery(
                        "select count(*) from platform.dead_letters where state = 'PENDING' and consumer = ?")
                .setParameter(1, consumer).getSingleResult()).longValue();
    }
}
