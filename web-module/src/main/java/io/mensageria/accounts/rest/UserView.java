package io.mensageria.accounts.rest;

import io.mensageria.accounts.entity.User;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A user as the API shows it: never the password hash. */
public record UserView(UUID id, String name, String email, OffsetDateTime registeredAt) {

    static UserView of(User user) {
        return new UserView(user.id(), user.name(), user.email(), user.registeredAt());
    }
}
