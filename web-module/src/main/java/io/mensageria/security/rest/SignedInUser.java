package io.mensageria.security.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The user whose MicroProfile JWT came with this request (the web module lets no bearer route run without one). */
@RequestScoped
public class SignedInUser {

    @Inject
    JsonWebToken token;

    public UUID id() {
        return UUID.fromString(token.getSubject());
    }

    /** For routes under /api/users/{userId}: only the user themselves may go there (see {@link OwnerOnly}). */
    public UUID requireSelf(String pathUserId) {
        if (pathUserId == null || !pathUserId.equals(token.getSubject())) {
            throw new ForbiddenException("Only the signed-in user's own data can be reached here");
        }
        return id();
    }
}
