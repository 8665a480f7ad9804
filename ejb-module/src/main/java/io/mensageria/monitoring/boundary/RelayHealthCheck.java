package io.mensageria.monitoring.boundary;

import io.mensageria.eventlog.boundary.RelayStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Is the relay keeping up? Down when an event has waited for publication longer than a few sweeps. */
@Readiness
@ApplicationScoped
public class RelayHealthCheck implements HealthCheck {

    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    @EJB
    RelayStatus relay;

    @Override
    public HealthCheckResponse call() {
        try {
            Optional<OffsetDateTime> oldest = relay.oldestUnpublished();
            Duration waiting = oldest.map(at -> Duration.between(at, OffsetDateTime.now(ZoneOffset.UTC)))
                    .orElse(Duration.ZERO);
            return HealthCheckResponse.named("relay")
                    .status(waiting.compareTo(MAX_WAIT) < 0)
                    .withData("backlog", relay.backlog())
                    .withData("oldestWaitingSeconds", waiting.toSeconds())
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("relay")
                    .down()
                    .withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
