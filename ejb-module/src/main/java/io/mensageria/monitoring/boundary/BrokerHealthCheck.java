package io.mensageria.monitoring.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Can the application reach the broker? Requests are still accepted while it is down (the event log
 * keeps their events until the relay can publish), but nothing flows between services.
 */
@Readiness
@ApplicationScoped
public class BrokerHealthCheck implements HealthCheck {

    @Resource(lookup = "jms/mensageria")
    ConnectionFactory connectionFactory;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = connectionFactory.createConnection()) {
            connection.getMetaData();
            return HealthCheckResponse.named("broker").up().build();
        } catch (JMSException | RuntimeException e) {
            return HealthCheckResponse.named("broker")
                    .down()
                    .withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
