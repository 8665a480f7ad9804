/**
 * The web module's root: the JAX-RS application (the public API under {@code /api}, the ops API under
 * {@code /ops}), the ops page and the parsing of ops query parameters. Every other package of the web
 * module is {@code <component>.rest}: the HTTP boundary of that component, beside its EJB packages.
 */
package io.mensageria.rest;
