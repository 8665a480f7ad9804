/**
 * Subscriptions: owns plans and subscriptions. Publishes PlanPurchased (a subscription is ordered)
 * and SubscriptionActivated; listens to PaymentSucceeded (activate) and PaymentFailed. Reached
 * publicly through the proxy.
 */
package io.mensageria.subscriptions;
