package io.mensageria.deadletters.boundary;

import io.mensageria.deadletters.control.DeadLetterIntake;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Drains every consumer's dead-letter queue (a wildcard) into the platform's dead-letter table. */
@MessageDriven(
        name = "platform.DeadLetterDrain",
        activationConfig = {
            @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "activemq-rar"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = "DLQ.Consumer.>")
        })
public class DeadLetterDrain implements MessageListener {

    @EJB
    DeadLetterIntake intake;

    @Override
    public void onMessage(Message message) {
        try {
            intake.drained(message);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }
}
