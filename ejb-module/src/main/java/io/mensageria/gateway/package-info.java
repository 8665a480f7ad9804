/**
 * The payment gateway: an external system (it tokenizes cards and charges tokens) behind one
 * interface, {@link io.mensageria.gateway.control.PaymentGateway}. {@link io.mensageria.gateway.control.SimulatedPaymentGateway}
 * stands in for a real one; {@link io.mensageria.gateway.boundary.PaymentGatewayClient} is how services call it,
 * guarded by MicroProfile Fault Tolerance.
 */
package io.mensageria.gateway;
