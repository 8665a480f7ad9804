package io.mensageria.subscriptions.boundary;

import io.mensageria.events.PaymentFailed;
import io.mensageria.inbound.boundary.Inbound;
import io.mensageria.subscriptions.SubscriptionsService;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

@MessageDriven(
        name = "subscriptions.PaymentFailedListener",
        activationConfig = {
            @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "activemq-rar"),
            // Acknowledged by the adapter after Inbound committed the effect: no two-phase commit per message.
            @ActivationConfigProperty(propertyName = "useRAManagedTransaction", propertyValue = "true"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(
                    propertyName = "destination",
                    propertyValue = SubscriptionsService.PAYMENT_FAILED_QUEUE)
        })
public class PaymentFailedListener implements MessageListener {

    @Inject
    Inbound inbound;

    @EJB
    Subscriptions subscriptions;

    @Override
    public void onMessage(Message message) {
        inbound.receive(
                SubscriptionsService.NAME,
                message,
                PaymentFailed.class,
                (failure, metadata) -> subscriptions.paymentFailed(failure));
    }
}
