/**
 * Who may do what over HTTP: one authentication mechanism that takes Basic on {@code /ops} and
 * MicroProfile JWT bearer tokens elsewhere, the operator's identity store, and {@code @OwnerOnly} for
 * routes under {@code /api/users/{userId}}.
 */
package io.mensageria.security.rest;
