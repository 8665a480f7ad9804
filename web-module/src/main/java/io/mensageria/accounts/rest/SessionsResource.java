package io.mensageria.accounts.rest;

import io.mensageria.accounts.boundary.Sessions;
import io.mensageria.accounts.boundary.Sessions.Session;
import io.mensageria.idempotency.rest.NeverReplayed;
import io.mensageria.security.rest.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

@Path("api/sessions")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    @Inject
    Sessions sessions;

    @Inject
    ClientAddress clientAddress;

    public record SessionView(String token, Instant expiresAt, UUID userId) {}

    /**
     * Signs in: 200 with a bearer token, 401 alike for an unknown email and a wrong password. The token
     * is kept by no cache and no idempotency record; a repeat signs in again.
     */
    @POST
    @Bulkhead(UsersResource.PASSWORD_REQUESTS)
    @NeverReplayed
    public Response signIn(
            @NotNull(message = "a JSON body is required") @Valid SignIn request,
            @Context HttpServletRequest servletRequest) {
        Session session = sessions.signIn(request.email(), request.password(), clientAddress.of(servletRequest));
        return Response.ok(new SessionView(session.token(), session.expiresAt(), session.userId()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
