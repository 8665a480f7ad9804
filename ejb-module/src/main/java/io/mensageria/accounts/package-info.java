/**
 * Accounts: owns users and their credentials (stored only as a salted PBKDF2 hash). Publishes
 * UserRegistered; listens to nothing. Reached publicly through the proxy.
 */
package io.mensageria.accounts;
