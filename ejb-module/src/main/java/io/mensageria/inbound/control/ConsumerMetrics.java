package io.mensageria.inbound.control;

import io.mensageria.events.EventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What every consumer did, for /metrics (Prometheus adds {@code _total} to counters):
 * mensageria_consumer_processed_total, _failed_total, _redelivered_total, and
 * mensageria_consumer_lag_seconds, the time from the last handled event's occurrence to its handling,
 * all tagged by consumer and event type. (The lag is a gauge: Payara 6.2025.10 prints a timer's
 * quantiles in nanoseconds under a seconds name.)
 */
@ApplicationScoped
public class ConsumerMetrics {

    @Inject
    MetricRegistry registry;

    private final Map<String, AtomicReference<Double>> lastLag = new ConcurrentHashMap<>();

    public void delivered(String consumer, EventMetadata metadata, boolean redelivered) {
        if (redelivered) {
            registry.counter("mensageria_consumer_redelivered", tags(consumer, metadata))
                    .inc();
        }
    }

    public void processed(String consumer, EventMetadata metadata) {
        registry.counter("mensageria_consumer_processed", tags(consumer, metadata))
                .inc();
        Duration lag = Duration.between(metadata.occurredAt(), Instant.now());
        lastLag.computeIfAbsent(consumer + " " + metadata.eventType(), key -> {
                    AtomicReference<Double> seconds = new AtomicReference<>(0.0);
                    registry.gauge("mensageria_consumer_lag_seconds", seconds::get, tags(consumer, metadata));
                    return seconds;
                })
                .set(Math.max(0, lag.toNanos()) / 1e9);
    }

    public void failed(String consumer, EventMetadata metadata) {
        registry.counter("mensageria_consumer_failed", tags(consumer, metadata)).inc();
    }

    private static Tag[] tags(String consumer, EventMetadata metadata) {
        return new Tag[] {new Tag("consumer", consumer), new Tag("event_type", metadata.eventType())};
    }
}
