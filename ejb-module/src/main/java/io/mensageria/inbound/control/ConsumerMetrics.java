package io.mensageria.inbound.control;

import io.mensageria.consumers.boundary.ConsumerTimes;
import io.mensageria.events.EventMetadata;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
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

    // Histograms in milliseconds, exported as mensageria_consumer_processing_seconds and _critical_seconds.
    // Payara 6.2025.10 scales only their _mean and _max to seconds: the quantiles and _sum stay in
    // milliseconds (a timer's stay in nanoseconds, and a whole number of seconds would say nothing).
    // GET /ops/consumers has the right p50 and p99, across instances.
    private static final Metadata PROCESSING = Metadata.builder()
            .withName("mensageria_consumer_processing")
            .withDescription("From a delivery's arrival to its commit (quantiles and sum in milliseconds)")
            .withUnit(MetricUnits.MILLISECONDS)
            .build();
    private static final Metadata CRITICAL = Metadata.builder()
            .withName("mensageria_consumer_critical")
            .withDescription("From an event's occurrence to its consumer's commit (quantiles and sum in milliseconds)")
            .withUnit(MetricUnits.MILLISECONDS)
            .build();

    @Inject
    MetricRegistry registry;

    @Inject
    ConsumerTimes times;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * The metrics every handled delivery updates, by consumer and event type, looked up once: the
     * registry builds a new histogram (and checks its configuration) on every lookup before it finds the
     * one it has, 1 % of the server's CPU under load (BENCHMARKS.md).
     */
    private final Map<String, HandledMetrics> handled = new ConcurrentHashMap<>();

    private record HandledMetrics(
            Counter processed, AtomicReference<Double> lagSeconds, Histogram processing, Histogram critical) {}

    public void delivered(String consumer, EventMetadata metadata, boolean redelivered) {
        if (redelivered) {
            registry.counter("mensageria_consumer_redelivered", tags(consumer, metadata))
                    .inc();
        }
    }

    /**
     * The handler succeeded: counted now, and timed once the delivery's transaction has committed
     * (processing time since {@code arrivedNanos}, critical time since the event occurred).
     */
    public void processed(String consumer, EventMetadata metadata, long arrivedNanos) {
        HandledMetrics metrics =
                handled.computeIfAbsent(consumer + " " + metadata.eventType(), key -> register(consumer, metadata));
        metrics.processed().inc();
        Duration lag = Duration.between(metadata.occurredAt(), Instant.now());
        metrics.lagSeconds().set(Math.max(0, lag.toNanos()) / 1e9);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    committed(consumer, metadata, metrics, Duration.ofNanos(System.nanoTime() - arrivedNanos));
                }
            }
        });
    }

    private HandledMetrics register(String consumer, EventMetadata metadata) {
        Tag[] tags = tags(consumer, metadata);
        AtomicReference<Double> lagSeconds = new AtomicReference<>(0.0);
        registry.gauge("mensageria_consumer_lag_seconds", lagSeconds::get, tags);
        return new HandledMetrics(
                registry.counter("mensageria_consumer_processed", tags),
                lagSeconds,
                registry.histogram(PROCESSING, tags),
                registry.histogram(CRITICAL, tags));
    }

    private void committed(String consumer, EventMetadata metadata, HandledMetrics metrics, Duration processing) {
        Duration critical = Duration.between(metadata.occurredAt(), Instant.now());
        times.processed(consumer, metadata.eventType(), processing, critical);
        metrics.processing().update(processing.toMillis());
        metrics.critical().update(Math.max(0, critical.toMillis()));
    }

    public void failed(String consumer, EventMetadata metadata) {
        registry.counter("mensageria_consumer_failed", tags(consumer, metadata)).inc();
        times.failed(consumer, metadata.eventType());
    }

    private static Tag[] tags(String consumer, EventMetadata metadata) {
        return new Tag[] {new Tag("consumer", consumer), new Tag("event_type", metadata.eventType())};
    }
}
