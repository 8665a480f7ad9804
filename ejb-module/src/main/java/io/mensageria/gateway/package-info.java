/**
 * The payment gateway: an external system (it tokenizes cards and charges tokens) behind one
 * interface, {@link io.mensageria.gateway.PaymentGateway}. {@link io.mensageria.gateway.SimulatedPaymentGateway}
 * stands in for a real one; {@link io.mensageria.gateway.PaymentGatewayClient} is how services call it,
 * guarded by MicroProfile Fault Tolerance.
 */
package io.mensageria.gateway;
