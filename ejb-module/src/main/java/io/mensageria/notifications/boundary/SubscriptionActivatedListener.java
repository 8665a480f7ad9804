package io.mensageria.notifications.boundary;

import io.mensageria.events.SubscriptionActivated;
import io.mensageria.inbound.boundary.Inbound;
import io.mensageria.notifications.NotificationsService;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

@MessageDriven(
        name = "notifications.SubscriptionActivatedListener",
        activationConfig = {
            @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "activemq-rar"),
            // Acknowledged by the adapter after Inbound committed the effect: no two-phase commit per message.
            @ActivationConfigProperty(propertyName = "useRAManagedTransaction", propertyValue = "true"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(
                    propertyName = "destination",
                    propertyValue = NotificationsService.SUBSCRIPTION_ACTIVATED_QUEUE)
        })
public class SubscriptionActivatedListener implements MessageListener {

    @Inject
    Inbound inbound;

    @EJB
    Notifications notifications;

    @Override
    public void onMessage(Message message) {
        inbound.receive(
                NotificationsService.NAME, message, SubscriptionActivated.class, notifications::subscriptionActive);
    }
}
