/**
 * What every component's persistence shares: the schema migrations run at start-up (Flyway, one
 * schema per service and {@code platform} for the shared components' tables, each table owned by one
 * component), optional JPQL filters with keyset paging ({@code Where}), and small mapping helpers.
 */
package io.mensageria.persistence;
