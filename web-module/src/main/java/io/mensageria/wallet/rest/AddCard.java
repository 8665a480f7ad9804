package io.mensageria.wallet.rest;

import io.mensageria.problems.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of POST /api/users/{id}/cards. The number is checked (Luhn, brand) by the wallet. */
public record AddCard(
        @NotBlank @PlainText @Size(max = 30) String number,
        @NotBlank @PlainText @Size(max = 100) String holder,
        @NotNull Integer expiryMonth,
        @NotNull Integer expiryYear) {

    // Declared for the reason given in RegisterUser.
    public AddCard(String number, String holder, Integer expiryMonth, Integer expiryYear) {
        this.number = number;
        this.holder = holder;
        this.expiryMonth = expiryMonth;
        this.expiryYear = expiryYear;
    }

    // The full number must never reach a log line through toString().
    @Override
    public String toString() {
        return "AddCard[holder=" + holder + ", expiry=" + expiryMonth + "/" + expiryYear + "]";
    }
}
