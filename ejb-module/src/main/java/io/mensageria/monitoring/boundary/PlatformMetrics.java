package io.mensageria.monitoring.boundary;

import io.mensageria.catalog.boundary.ConsumerQueue;
import io.mensageria.catalog.boundary.ServiceCatalog;
import io.mensageria.consumers.boundary.ConsumerPauses;
import io.mensageria.deadletters.boundary.DeadLetters;
import io.mensageria.eventlog.boundary.RelayStatus;
import io.mensageria.messaging.boundary.BrokerStatistics;
import io.mensageria.telemetry.boundary.CentralLogLosses;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The platform's gauges on /metrics: messages waiting in each consumer queue (mensageria_queue_depth),
 * whether it is paused (mensageria_consumer_paused, 1 or 0),
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
    RelayStatus relay;

    @EJB
    DeadLetters deadLetters;

    @EJB
    BrokerStatistics broker;

    @EJB
    ConsumerPauses pauses;

    @PostConstruct
    void register() {
        ServiceCatalog services = ServiceCatalog.declared();
        registry.gauge("mensageria_relay_backlog", relay::backlog);
        for (ConsumerQueue queue : services.consumerQueues()) {
            registry.gauge(
                    "mensageria_queue_depth",
                    () -> broker.depth(queue.name()),
                    new Tag("queue", queue.name()),
                    new Tag("consumer", queue.consumer()),
                    new Tag("event_type", queue.eventType()));
            registry.gauge(
                    "mensageria_consumer_paused",
                    () -> pauses.of(queue.name()).isPresent() ? 1 : 0,
                    new Tag("queue", queue.name()),
                    new Tag("consumer", queue.consumer()),
                    new Tag("event_type", queue.eventType()));
        }
        for (String consumer : services.consumers()) {
            registry.gauge(
                    "mensageria_dlq_depth", () -> deadLetters.pendingCount(consumer), new Tag("consumer", consumer));
        }
        registry.gauge("mensageria_log_dropped_total", CentralLogLosses::droppedLogs);
        registry.gauge("mensageria_span_dropped_total", CentralLogLosses::droppedSpans);
    }
}
