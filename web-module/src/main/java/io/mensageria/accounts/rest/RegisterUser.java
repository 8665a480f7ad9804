package io.mensageria.accounts.rest;

import io.mensageria.problems.rest.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of POST /api/users. */
public record RegisterUser(
        @NotBlank @PlainText @Size(max = 100) String name,
        @NotBlank @PlainText @Email @Size(max = 254) String email,

        @NotNull @PlainText @Size(min = 12, max = 200, message = "must be between 12 and 200 characters")
        String password) {

    // Never let a password reach a log line through toString().
    @Override
    public String toString() {
        return "RegisterUser[name=" + name + ", email=" + email + "]";
    }
}
