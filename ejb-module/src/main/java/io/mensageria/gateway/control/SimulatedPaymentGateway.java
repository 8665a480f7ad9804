package io.mensageria.gateway.control;

import io.mensageria.cards.CardExpiry;
import io.mensageria.cards.CardNumber;
import io.mensageria.gateway.boundary.ChargeResult;
import io.mensageria.gateway.boundary.GatewayUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A stand-in for a real gateway, behaving like one the way test cards do at real gateways:
 * <ul>
 * <li>4000 0000 0000 0002 is declined; 4000 0000 0000 0119 fails with a gateway error;
 * 4000 0000 0000 0259 answers slowly ({@code mensageria.gateway.slow-latency}); any other valid card is approved;</li>
 * <li>{@code mensageria.gateway.mode} (MENSAGERIA_GATEWAY_MODE) = decline, fail or slow makes every card behave so.</li>
 * </ul>
 * It honours idempotency keys as a real gateway does: a repeated key charges nothing more.
 */
@ApplicationScoped
public class SimulatedPaymentGateway implements PaymentGateway {

    enum Behaviour {
        APPROVE,
        DECLINE,
        FAIL,
        SLOW
    }

    private static final Map<String, Behaviour> TEST_CARDS = Map.of(
            "4000000000000002", Behaviour.DECLINE,
            "4000000000000119", Behaviour.FAIL,
            "4000000000000259", Behaviour.SLOW);

    @Inject
    @ConfigProperty(name = "mensageria.gateway.mode")
    Optional<String> mode;

    @Inject
    @ConfigProperty(name = "mensageria.gateway.slow-latency", defaultValue = "PT5S")
    Duration slowLatency;

    private final Map<UUID, ChargeResult> charges = new ConcurrentHashMap<>();

    @Override
    public String tokenize(CardNumber number, CardExpiry expiry) {
        Behaviour behaviour = forced().orElse(TEST_CARDS.getOrDefault(number.digits(), Behaviour.APPROVE));
        act(forced().orElse(Behaviour.APPROVE));
        // The token remembers how its card behaves, as a real gateway remembers its test cards.
        return "tok_" + behaviour.name().toLowerCase() + "_"
                + UUID.randomUUID().toString().replace("-", "");
    }

    @Override
    public ChargeResult charge(String token, long amountCents, String currency, UUID idempotencyKey) {
        ChargeResult earlier = charges.get(idempotencyKey);
        if (earlier != null) {
            return earlier;
        }
        Behaviour behaviour = forced().orElse(behaviourOf(token));
        act(behaviour);
        ChargeResult result = behaviour == Behaviour.DECLINE
                ? new ChargeResult.Declined("card declined by issuer")
                : new ChargeResult.Approved("ch_" + UUID.randomUUID().toString().replace("-", ""));
        ChargeResult first = charges.putIfAbsent(idempotencyKey, result);
        return first != null ? first : result;
    }

    /** Answers as every call would: fails when the gateway is told to fail, is slow when told to be slow. */
    @Override
    public void ping() {
        act(forced().orElse(Behaviour.APPROVE));
    }

    /** How many distinct charges were made: what a gateway's statement would show. */
    public int chargeCount() {
        return charges.size();
    }

    private void act(Behaviour behaviour) {
        switch (behaviour) {
            case FAIL -> throw new GatewayUnavailable("simulated gateway error");
            case SLOW -> pause(slowLatency);
            default -> {}
        }
    }

    private static Behaviour behaviourOf(String token) {
        for (Behaviour behaviour : Behaviour.values()) {
            if (token.startsWith("tok_" + behaviour.name().toLowerCase() + "_")) {
                return behaviour;
            }
        }
        throw new GatewayUnavailable("unknown token");
    }

    private Optional<Behaviour> forced() {
        return mode.filter(m -> !m.isBlank())
                .map(m -> Behaviour.valueOf(m.strip().toUpperCase()));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            // Fault Tolerance interrupts a call that ran over its timeout. The interrupt was meant for this
            // call alone: restoring the flag would break the retry that follows on the same thread.
            throw new GatewayUnavailable("interrupted after running over the timeout");
        }
    }
}
