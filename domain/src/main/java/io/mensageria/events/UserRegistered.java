package io.mensageria.events;

import java.util.Objects;
import java.util.UUID;

/** Accounts has registered a user. Carries no credential of any kind. */
public record UserRegistered(UUID userId, String name, String email) implements DomainEvent {
    public UserRegistered {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }
}
