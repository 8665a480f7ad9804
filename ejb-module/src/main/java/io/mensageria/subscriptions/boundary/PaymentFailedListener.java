package io.mensageria.subscriptions.boundary;

import io.mensageria.events.PaymentFailed;
import io.mensageria.platform.control.Inbound;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

@MessageDriven(name = "subscriptions.PaymentFailedListener", activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "activemq-rar"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination",
                propertyValue = "Consumer.subscriptions.VirtualTopic.PaymentFailed")})
public class PaymentFailedListener implements MessageListener {

    @Inject
    Inbound inbound;

    @EJB
    Subscriptions subscriptions;

    @Override
    public void onMessage(Message message) {
        inbound.receive(Subscriptions.SERVICE, message, PaymentFailed.class, subscriptions::paymentFailed);
    }
}
