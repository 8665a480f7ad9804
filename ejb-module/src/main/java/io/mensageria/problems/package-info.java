/**
 * Requests the services refuse ({@code RequestRejected}: invalid, not found, conflict, throttled) and,
 * in the web module, how every failure leaves as {@code application/problem+json}. Owns no table.
 */
package io.mensageria.problems;
