/**
 * Wallet: owns users' cards (the gateway's token, brand, last four digits, expiry; never the full
 * number, which goes only to the gateway's tokenize call). Publishes CardAdded; listens to nothing.
 * Reached publicly through the proxy.
 */
package io.mensageria.wallet;
