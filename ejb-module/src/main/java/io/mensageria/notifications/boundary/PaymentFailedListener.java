package io.mensageria.notifications.boundary;

import io.mensageria.events.PaymentFailed;
import io.mensageria.inbound.boundary.Inbound;
import io.mensageria.notifications.NotificationsService;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

@MessageDriven(
        name = "notifications.PaymentFailedListener",
        activationConfig = {
            @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "activemq-rar"),
            // Acknowledged by the adapter after Inbound committed the effect: no two-phase commit per message.
            @ActivationConfigProperty(propertyName = "useRAManagedTransaction", propertyValue = "true"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(
                    propertyName = "destination",
                    propertyValue = NotificationsService.PAYMENT_FAILED_QUEUE)
        })
public class PaymentFailedListener implements MessageListener {

    @Inject
    Inbound inbound;

    @EJB
    Notifications notifications;

    @Override
    public void onMessage(Message message) {
        inbound.receive(NotificationsService.NAME, message, PaymentFailed.class, notifications::paymentFailed);
    }
}
