package io.mensageria.subscriptions.boundary;

import io.mensageria.events.PaymentSucceeded;
import io.mensageria.platform.control.Inbound;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

@MessageDriven(name = "subscriptions.PaymentSucceededListener", activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "activemq-rar"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination",
                propertyValue = "Consumer.subscriptions.VirtualTopic.PaymentSucceeded")})
public class PaymentSucceededListener implements MessageListener {

    @Inject
    Inbound inbound;

    @EJB
    Subscriptions subscriptions;

    @Override
    public void onMessage(Message message) {
        inbound.receive(Subscriptions.SERVICE, message, PaymentSucceeded.class, subscriptions::paid);
    }
}
