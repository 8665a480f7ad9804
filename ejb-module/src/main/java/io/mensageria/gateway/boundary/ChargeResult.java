package io.mensageria.gateway.boundary;

/** The gateway's answer to a charge: a business outcome. Technical failures are exceptions instead. */
public sealed interface ChargeResult {

    record Approved(String chargeId) implements ChargeResult {}

    record Declined(String reason) implements ChargeResult {}
}
