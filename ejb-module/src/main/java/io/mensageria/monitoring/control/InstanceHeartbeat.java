package io.mensageria.monitoring.control;

import io.mensageria.instances.boundary.Instances;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Every few seconds ({@link Instances#HEARTBEAT}), this instance runs its own readiness checks (those
 * of /health) and tells the registry it is alive and whether they all passed. When the database is
 * down no heartbeat is written, and the others see this instance fall silent. A clean stop removes it.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InstanceHeartbeat {

    private static final Logger LOG = Logger.getLogger(InstanceHeartbeat.class.getName());

    @Inject
    Instances instances;

    @Inject
    @Any
    @Readiness
    Instance<HealthCheck> checks;

    @PreDestroy
    void leave() {
        try {
            instances.leave();
        } catch (EJBException e) {
            LOG.log(Level.FINE, "Could not leave the instances' registry", e);
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void beat() {
        boolean healthy = checks.stream().allMatch(check -> check.call().getStatus() == HealthCheckResponse.Status.UP);
        try {
            instances.heartbeat(healthy);
        } catch (EJBException e) {
            // The database is down: /health says so already, and silence tells the other instances.
            LOG.log(Level.FINE, "No heartbeat written", e);
        }
    }
}
