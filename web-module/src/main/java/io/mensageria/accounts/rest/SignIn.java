package io.mensageria.accounts.rest;

import io.mensageria.problems.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of POST /api/sessions. */
public record SignIn(
        @NotBlank @PlainText @Size(max = 254) String email,
        @NotBlank @PlainText @Size(max = 200) String password) {

    // Declared for the reason given in RegisterUser.
    public SignIn(String email, String password) {
        this.email = email;
        this.password = password;
    }

    // Never let a password reach a log line through toString().
    @Override
    public String toString() {
        return "SignIn[email=" + email + "]";
    }
}
