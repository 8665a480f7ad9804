package io.mensageria.monitoring.control;

import io.mensageria.alerts.boundary.Alert;
import io.mensageria.instances.boundary.Instances;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Every few seconds ({@link Instances#HEARTBEAT}), this instance runs its own readiness checks (those
 * of /health) and tells the registry it is alive and whether they all passed. When the database is
 * down no heartbeat is written, and the others see this instance fall silent. A clean stop removes it.
 * A check that changes status between two beats (DOWN, or UP again) raises an {@link Alert}.
 */
@Singleton
public class InstanceHeartbeat {

    private static final Logger LOG = Logger.getLogger(InstanceHeartbeat.class.getName());

    @Inject
    Instances instances;

    @Inject
    Event<Alert> alerts;

    @Inject
    @Any
    @Readiness
    Instance<HealthCheck> checks;

    /** Each check's status at the last beat: a change raises an alert. */
    private final Map<String, HealthCheckResponse.Status> last = new HashMap<>();

    @PreDestroy
    void leave() {
        try {
            instances.leave();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Could not leave the instances' registry", e);
        }
    }

    /**
     * Never throws, and runs outside any transaction: a timeout that fails twice in a row is cancelled
     * by the container for good, and this one fails whenever the database is down. The next beat
     * simply tries again.
     */
    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void beat() {
        try {
            List<HealthCheckResponse> results =
                    checks.stream().map(HealthCheck::call).toList();
            results.forEach(this::alertOnChange);
            instances.heartbeat(results.stream().allMatch(r -> r.getStatus() == HealthCheckResponse.Status.UP));
        } catch (SQLException e) {
            // The database is down: /health says so already, and silence tells the other instances.
            LOG.log(Level.FINE, "No heartbeat written", e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "No heartbeat written", e);
        }
    }

    private void alertOnChange(HealthCheckResponse result) {
        HealthCheckResponse.Status before = last.put(result.getName(), result.getStatus());
        if (before != null && before != result.getStatus()) {
            alerts.fire(new Alert(
                    "health",
                    Json.createObjectBuilder()
                            .add("check", result.getName())
                            .add("status", result.getStatus().name())
                            .build()));
        }
    }
}
