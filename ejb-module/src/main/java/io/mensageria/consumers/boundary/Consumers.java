package io.mensageria.consumers.boundary;

import io.mensageria.catalog.boundary.ConsumerQueue;
import io.mensageria.catalog.boundary.Service;
import io.mensageria.catalog.boundary.ServiceCatalog;
import io.mensageria.consumers.control.HeldMessages;
import io.mensageria.messaging.boundary.BrokerStatistics;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every consumer's state and queues, for operators. */
@Stateless
public class Consumers {

    @EJB
    ConsumerPauses pauses;

    @EJB
    BrokerStatistics broker;

    public List<ConsumerView> all() {
        Map<String, ConsumerPauses.Pause> paused =
                pauses.all().stream().collect(Collectors.toMap(ConsumerPauses.Pause::queue, Function.identity()));
        return ServiceCatalog.declared().services().stream()
                .filter(service -> !service.consumes().isEmpty())
                .map(service -> view(service, paused))
                .toList();
    }

    private ConsumerView view(Service service, Map<String, ConsumerPauses.Pause> paused) {
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
                queues);
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
