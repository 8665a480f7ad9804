/**
 * Billing: an internal service, reached only through the broker. Owns billing accounts, its copy of
 * card tokens and the payments it made. Listens to UserRegistered (opens a billing account), CardAdded
 * (keeps the token) and PlanPurchased (charges the card added last); publishes PaymentSucceeded or
 * PaymentFailed. A plan bought before any card is known fails its delivery on purpose, so that
 * redelivery tries again once the card has arrived.
 */
package io.mensageria.billing;
