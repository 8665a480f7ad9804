/**
 * Billing: an internal service, reached only through the broker. Owns billing accounts (and, as the
 * flows grow, card tokens and payments). Listens to UserRegistered (opens a billing account).
 */
package io.mensageria.billing;
