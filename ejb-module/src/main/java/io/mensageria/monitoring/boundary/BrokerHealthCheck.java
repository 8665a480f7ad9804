package io.mensageria.monitoring.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Can the application reach the broker? Requests are still accepted while it is down (the event log
 * keeps their events until the relay can publish), but nothing flows between services.
 *
 * <p>The probe makes the broker answer (it creates and deletes a temporary queue): the pool may hand out
 * a connection whose broker has just gone, and only a round trip tells. A broker that accepts the
 * connection but never answers (hung, or a failover transport waiting for one) would hold the probe
 * forever, so /health waits {@link #ANSWER_WITHIN_SECONDS} and says DOWN; the probe still waiting is
 * the next call's, so that probes never pile up.
 */
@Readiness
@ApplicationScoped
public class BrokerHealthCheck implements HealthCheck {

    static final int ANSWER_WITHIN_SECONDS = 3;

    @Resource(lookup = "jms/mensageria")
    ConnectionFactory connectionFactory;

    @Resource
    ManagedExecutorService executor;

    private Future<?> probe;

    @Override
    public HealthCheckResponse call() {
        try {
            currentProbe().get(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS);
            return HealthCheckResponse.named("broker").up().build();
        } catch (TimeoutException e) {
            return down("the broker did not answer within " + ANSWER_WITHIN_SECONDS + " s");
        } catch (ExecutionException e) {
            return down(String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    private synchronized Future<?> currentProbe() {
        if (probe == null || probe.isDone()) {
            probe = executor.submit(this::roundTrip);
        }
        return probe;
    }

    private Void roundTrip() throws JMSException {
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            session.createTemporaryQueue().delete();
            return null;
        }
    }

    private static HealthCheckResponse down(String error) {
        return HealthCheckResponse.named("broker")
                .down()
                .withData("error", error)
                .build();
    }
}
