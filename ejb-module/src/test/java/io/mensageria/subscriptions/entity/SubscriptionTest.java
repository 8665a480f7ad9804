package io.mensageria.subscriptions.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The subscription's states: PENDING until billing answers; a payment always activates. */
class SubscriptionTest {

    private static final OffsetDateTime ORDERED = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime PAID = ORDERED.plusSeconds(2);

    private final Subscription subscription = new Subscription(UUID.randomUUID(), new Plan(), ORDERED);

    @Test
    void aNewSubscriptionWaitsForItsPayment() {
        assertEquals(Subscription.Status.PENDING, subscription.status());
        assertNull(subscription.activatedAt());
    }

    @Test
    void aPaymentActivatesItOnceAndOnlyTheFirstAnnouncesIt() {
        assertTrue(subscription.paid(PAID));
        assertEquals(Subscription.Status.ACTIVE, subscription.status());
        assertEquals(PAID, subscription.activatedAt());

        assertFalse(subscription.paid(PAID.plusSeconds(5)), "a second payment activates nothing");
        assertEquals(PAID, subscription.activatedAt());
    }

    @Test
    void aDeclineFailsAPendingSubscription() {
        subscription.paymentFailed("card declined");
        assertEquals(Subscription.Status.PAYMENT_FAILED, subscription.status());
    }

    @Test
    void aDeclineLeavesAnActiveSubscriptionActive() {
        subscription.paid(PAID);
        subscription.paymentFailed("card declined");
        assertEquals(Subscription.Status.ACTIVE, subscription.status());
    }

    @Test
    void aLaterPaymentActivatesAFailedSubscription() {
        subscription.paymentFailed("card declined");
        assertTrue(subscription.paid(PAID));
        assertEquals(Subscription.Status.ACTIVE, subscription.status());
    }
}
