package io.mensageria.consumers.boundary;

import io.mensageria.catalog.boundary.ConsumerQueue;
import io.mensageria.catalog.boundary.Service;
import io.mensageria.catalog.boundary.ServiceCatalog;
import io.mensageria.consumers.control.HeldMessages;
import io.mensageria.consumers.control.LatencyBuckets;
import io.mensageria.messaging.boundary.BrokerStatistics;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every consumer's state, queues and service level, for operators. */
@Stateless
public class Consumers {

    /** The service level's window. */
    static final Duration WINDOW = Duration.ofMinutes(15);

    @EJB
    ConsumerPauses pauses;

    @EJB
    BrokerStatistics broker;

    @Inject
    ConsumerTimes times;

    public List<ConsumerView> all() {
        Map<String, ConsumerPauses.Pause> paused =
                pauses.all().stream().collect(Collectors.toMap(ConsumerPauses.Pause::queue, Function.identity()));
        Map<String, List<ConsumerTimes.Minute>> minutes;
        try {
            minutes = times.since(Instant.now().minus(WINDOW)).stream()
                    .collect(Collectors.groupingBy(ConsumerTimes.Minute::consumer));
        } catch (SQLException e) {
            throw new IllegalStateException("Consumer minutes unreadable: " + e.getMessage(), e);
        }
        return ServiceCatalog.declared().services().stream()
                .filter(service -> !service.consumes().isEmpty())
                .map(service -> view(service, paused, minutes.getOrDefault(service.name(), List.of())))
                .toList();
    }

    private ConsumerView view(
            Service service, Map<String, ConsumerPauses.Pause> paused, List<ConsumerTimes.Minute> minutes) {
        List<ConsumerView.QueueView> queues =
                service.consumes().stream().map(queue -> view(queue, paused)).toList();
        Optional<ConsumerPauses.Pause> latest = service.consumes().stream()
                .map(queue -> paused.get(queue.name()))
                .filter(pause -> pause != null)
                .max(Comparator.comparing(ConsumerPauses.Pause::at));
        return new ConsumerView(
                service.name(),
                latest.isPresent() ? ConsumerView.State.PAUSED : ConsumerView.State.RUNNING,
                latest.map(ConsumerPauses.Pause::reason).orElse(null),
                latest.map(ConsumerPauses.Pause::by).orElse(null),
                latest.map(ConsumerPauses.Pause::at).orElse(null),
                queues,
                minutes.stream().mapToLong(ConsumerTimes.Minute::processed).sum(),
                minutes.stream().mapToLong(ConsumerTimes.Minute::failed).sum(),
                percentiles(
                        minutes.stream().map(ConsumerTimes.Minute::processingMs).toList()),
                percentiles(
                        minutes.stream().map(ConsumerTimes.Minute::criticalMs).toList()),
                perMinute(minutes));
    }

    private static ConsumerView.Percentiles percentiles(List<long[]> distributions) {
        long[] all = new long[LatencyBuckets.COUNT];
        distributions.forEach(counts -> LatencyBuckets.addTo(all, counts));
        return new ConsumerView.Percentiles(
                LatencyBuckets.percentileMillis(all, 0.5), LatencyBuckets.percentileMillis(all, 0.99));
    }

    /** The consumer's event types added up, minute by minute, oldest first. */
    private static List<ConsumerView.MinuteView> perMinute(List<ConsumerTimes.Minute> minutes) {
        Map<Instant, List<ConsumerTimes.Minute>> byMinute = minutes.stream()
                .collect(Collectors.groupingBy(ConsumerTimes.Minute::minute, TreeMap::new, Collectors.toList()));
        return byMinute.entrySet().stream()
                .map(minute -> new ConsumerView.MinuteView(
                        minute.getKey(),
                        minute.getValue().stream()
                                .mapToLong(ConsumerTimes.Minute::processed)
                                .sum(),
                        minute.getValue().stream()
                                .mapToLong(ConsumerTimes.Minute::failed)
                                .sum(),
                        percentiles(minute.getValue().stream()
                                        .map(ConsumerTimes.Minute::criticalMs)
                                        .toList())
                                .p99()))
                .toList();
    }

    private ConsumerView.QueueView view(ConsumerQueue queue, Map<String, ConsumerPauses.Pause> paused) {
        long waiting = broker.depth(queue.name());
        long held = Math.max(0, broker.depth(HeldMessages.of(queue.name())));
        return new ConsumerView.QueueView(
                queue.name(),
                queue.eventType(),
                paused.containsKey(queue.name()) ? ConsumerView.State.PAUSED : ConsumerView.State.RUNNING,
                waiting < 0 ? -1 : waiting + held,
                held);
    }
}
