package io.mensageria.billing.boundary;

import io.mensageria.billing.BillingService;
import io.mensageria.events.PlanPurchased;
import io.mensageria.inbound.boundary.Inbound;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

@MessageDriven(
        name = "billing.PlanPurchasedListener",
        activationConfig = {
            @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "activemq-rar"),
            // Acknowledged by the adapter after Inbound committed the effect: no two-phase commit per message.
            @ActivationConfigProperty(propertyName = "useRAManagedTransaction", propertyValue = "true"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = BillingService.PLAN_PURCHASED_QUEUE)
        })
public class PlanPurchasedListener implements MessageListener {

    @Inject
    Inbound inbound;

    @EJB
    Payments payments;

    @Override
    public void onMessage(Message message) {
        inbound.receive(BillingService.NAME, message, PlanPurchased.class, payments::charge);
    }
}
