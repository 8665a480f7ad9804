package io.mensageria.notifications;

import io.mensageria.catalog.boundary.Service;
import io.mensageria.catalog.boundary.ServiceDeclaration;

/** Notifications, declared once: the message-driven beans read these queues, the shared components this declaration. */
public final class NotificationsService implements ServiceDeclaration {

    public static final String NAME = "notifications";
    public static final String USER_REGISTERED_QUEUE = "Consumer." + NAME + ".VirtualTopic.UserRegistered";
    public static final String SUBSCRIPTION_ACTIVATED_QUEUE =
            "Consumer." + NAME + ".VirtualTopic.SubscriptionActivated";
    public static final String PAYMENT_FAILED_QUEUE = "Consumer." + NAME + ".VirtualTopic.PaymentFailed";

    @Override
    public Service service() {
        return Service.named(NAME, getClass())
                .consuming(USER_REGISTERED_QUEUE, SUBSCRIPTION_ACTIVATED_QUEUE, PAYMENT_FAILED_QUEUE);
    }
}
