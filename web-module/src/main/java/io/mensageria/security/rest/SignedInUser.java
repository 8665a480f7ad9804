package io.mensageria.security.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The user whose MicroProfile JWT came with this request (the web module lets no bearer route run without one).
 * {@link RouteAuthentication} leaves the token's subject on the request as it signs the caller in: Payara's
 * injectable {@code JsonWebToken} resolves the caller principal anew on each request (a JNDI lookup and a
 * probe of several servers' security classes), 4.4 % of the server's CPU in a card-added profile. One instance
 * serves every request: the injected {@code HttpServletRequest} is CDI's proxy to the current one.
 */
@ApplicationScoped
public class SignedInUser {

    private static final String SUBJECT = SignedInUser.class.getName() + ".subject";

    @Inject
    HttpServletRequest request;

    /** Called by the authentication mechanism once it verified (or recognised) the caller's token. */
    static void signedIn(HttpServletRequest request, JsonWebToken token) {
        request.setAttribute(SUBJECT, token.getSubject());
    }

    public UUID id() {
        return UUID.fromString(subject());
    }

    /** For routes under /api/users/{userId}: only the user themselves may go there (see {@link OwnerOnly}). */
    public UUID requireSelf(String pathUserId) {
        if (pathUserId == null || !pathUserId.equals(subject())) {
            throw new ForbiddenException("Only the signed-in user's own data can be reached here");
        }
        return id();
    }

    private String subject() {
        if (!(request.getAttribute(SUBJECT) instanceof String subject)) {
            throw new IllegalStateException("No signed-in user on this request");
        }
        return subject;
    }
}
