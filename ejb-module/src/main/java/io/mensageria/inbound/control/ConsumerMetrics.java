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

    private final Map<String, AtomicReference<Double>> lastLag = new ConcurrentHashMap<>();

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
        registry.counter("mensageria_consumer_processed", tags(consumer, metadata))
                .inc();
        Duration lag = Duration.between(metadata.occurredAt(), Instant.now());
        lastLag.computeIfAbsent(consumer + " " + metadata.eventType(), key -> {
                    AtomicReference<Double> seconds = new AtomicReference<>(0.0);
                    registry.gauge("mensageria_consumer_lag_seconds", seconds::get, tags(consumer, metadata));
                    return seconds;
                })
                .set(Math.max(0, lag.toNanos()) / 1e9);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    committed(consumer, metadata, Duration.ofNanos(System.nanoTime() - arrivedNanos));
                }
            }
        });
    }

    private void committed(String consumer, EventMetadata metadata, Duration processing) {
        Duration critical = Duration.between(metadata.occurredAt(), Instant.now());
        times.processed(consumer, metadata.eventType(), processing, critical);
        histogram(PROCESSING, consumer, metadata).update(processing.toMillis());
        histogram(CRITICAL, consumer, metadata).update(Math.max(0, critical.toMillis()));
    }

    public void failed(String consumer, EventMetadata metadata) {
        registry.counter("mensageria_consumer_failed", tags(consumer, metadata)).inc();
        times.failed(consumer, metadata.eventType());
    }

    private Histogram histogram(Metadata metadata, String consumer, EventMetadata event) {
        return registry.histogram(metadata, tags(consumer, event));
    }

    private static Tag[] tags(String consumer, EventMetadata metadata) {
        return new Tag[] {new Tag("consumer", consumer), new Tag("event_type", metadata.eventType())};
    }
}
