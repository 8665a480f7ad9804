package io.mensageria.events;

/**
 * An event of the catalog. Every event the system emits is a record in this package, so one folder
 * listing shows them all. The payload on the wire is the record alone, as JSON; its metadata travels
 * beside it (see {@link EventMetadata}).
 */
public sealed interface DomainEvent
        permits UserRegistered, CardAdded, PlanPurchased, PaymentSucceeded, PaymentFailed, SubscriptionActivated {

    /** The first and so far only version of every event; bump per type when a payload changes shape. */
    int VERSION_1 = 1;

    /** The event type as it appears on the wire and in destination names: the record's simple name. */
    static String typeOf(Class<? extends DomainEvent> type) {
        return type.getSimpleName();
    }

    default String eventType() {
        return typeOf(getClass());
    }

    default int eventVersion() {
        return VERSION_1;
    }
}
