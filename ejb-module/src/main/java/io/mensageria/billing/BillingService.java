package io.mensageria.billing;

import io.mensageria.catalog.boundary.Service;
import io.mensageria.catalog.boundary.ServiceDeclaration;
import io.mensageria.events.PaymentFailed;
import io.mensageria.events.PaymentSucceeded;

/** Billing, declared once: the message-driven beans read these queues, the shared components this declaration. */
public final class BillingService implements ServiceDeclaration {

    public static final String NAME = "billing";
    public static final String USER_REGISTERED_QUEUE = "Consumer." + NAME + ".VirtualTopic.UserRegistered";
    public static final String CARD_ADDED_QUEUE = "Consumer." + NAME + ".VirtualTopic.CardAdded";
    public static final String PLAN_PURCHASED_QUEUE = "Consumer." + NAME + ".VirtualTopic.PlanPurchased";

    @Override
    public Service service() {
        return Service.named(NAME, getClass())
                .consuming(USER_REGISTERED_QUEUE, CARD_ADDED_QUEUE, PLAN_PURCHASED_QUEUE)
                .publishing(PaymentSucceeded.class, PaymentFailed.class)
                // A charge must never be made twice: a replay may not clear billing's processed marks.
                .reprocessing(Service.Reprocessing.UNSAFE);
    }
}
