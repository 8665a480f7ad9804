package io.mensageria.billing.boundary;

import io.mensageria.billing.BillingService;
import io.mensageria.events.CardAdded;
import io.mensageria.inbound.boundary.Inbound;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

@MessageDriven(
        name = "billing.CardAddedListener",
        activationConfig = {
            @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "activemq-rar"),
            // Acknowledged by the adapter after Inbound committed the effect: no two-phase commit per message.
            @ActivationConfigProperty(propertyName = "useRAManagedTransaction", propertyValue = "true"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = BillingService.CARD_ADDED_QUEUE)
        })
public class CardAddedListener implements MessageListener {

    @Inject
    Inbound inbound;

    @EJB
    BillingAccounts accounts;

    @Override
    public void onMessage(Message message) {
        inbound.receive(BillingService.NAME, message, CardAdded.class, accounts::keepCard);
    }
}
