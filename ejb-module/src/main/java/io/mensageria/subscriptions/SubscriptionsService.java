package io.mensageria.subscriptions;

import io.mensageria.catalog.boundary.Service;
import io.mensageria.catalog.boundary.ServiceDeclaration;
import io.mensageria.events.PlanPurchased;
import io.mensageria.events.SubscriptionActivated;

/** Subscriptions, declared once: the message-driven beans read these queues, the shared components this declaration. */
public final class SubscriptionsService implements ServiceDeclaration {

    public static final String NAME = "subscriptions";
    public static final String PAYMENT_SUCCEEDED_QUEUE = "Consumer." + NAME + ".VirtualTopic.PaymentSucceeded";
    public static final String PAYMENT_FAILED_QUEUE = "Consumer." + NAME + ".VirtualTopic.PaymentFailed";

    @Override
    public Service service() {
        return Service.named(NAME, getClass())
                .consuming(PAYMENT_SUCCEEDED_QUEUE, PAYMENT_FAILED_QUEUE)
                .publishing(PlanPurchased.class, SubscriptionActivated.class)
                .serving("/api/plans", "/api/subscriptions");
    }
}
