/**
 * Notifications: an internal service, reached only through the broker. Owns the notifications it has
 * sent and its own copy of each user's address. Listens to UserRegistered (welcome message), SubscriptionActivated and
 * PaymentFailed (telling the user).
 */
package io.mensageria.notifications;
