package io.mensageria.eventlog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mensageria.eventlog.boundary.ConsumerState;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConsumerStatesTest {

    private final UUID event = UUID.randomUUID();
    private final Map<UUID, Map<String, ConsumerState>> states = new HashMap<>();

    ConsumerStatesTest() {
        Map<String, ConsumerState> consumers = new LinkedHashMap<>();
        consumers.put("billing", ConsumerState.PENDING);
        consumers.put("notifications", ConsumerState.PENDING);
        states.put(event, consumers);
    }

    @Test
    void aLaterStateWinsWhateverOrderTheFactsCome() {
        ConsumerStates.raise(states, Map.of(event, Set.of("billing")), ConsumerState.PROCESSED);
        ConsumerStates.raise(states, Map.of(event, Set.of("billing", "notifications")), ConsumerState.RETRYING);

        assertEquals(
                Map.of("billing", ConsumerState.PROCESSED, "notifications", ConsumerState.RETRYING), states.get(event));
    }

    @Test
    void factsAboutNoSubscribedConsumerOrUnknownEventsAreIgnored() {
        ConsumerStates.raise(states, Map.of(event, Set.of("wallet")), ConsumerState.PROCESSED);
        ConsumerStates.raise(states, Map.of(UUID.randomUUID(), Set.of("billing")), ConsumerState.PROCESSED);

        assertEquals(
                Map.of("billing", ConsumerState.PENDING, "notifications", ConsumerState.PENDING), states.get(event));
    }
}
