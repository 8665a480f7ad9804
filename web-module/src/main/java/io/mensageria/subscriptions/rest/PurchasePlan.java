package io.mensageria.subscriptions.rest;

import io.mensageria.problems.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of POST /api/subscriptions: the subscriber is the signed-in user, never a field. */
public record PurchasePlan(
        @NotBlank @PlainText @Size(max = 40) String planId) {

    // Declared for the reason given in RegisterUser.
    public PurchasePlan(String planId) {
        this.planId = planId;
    }
}
