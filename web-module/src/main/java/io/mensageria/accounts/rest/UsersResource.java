package io.mensageria.accounts.rest;

import io.mensageria.accounts.boundary.Accounts;
import io.mensageria.rest.PublicLinks;
import io.mensageria.security.rest.OwnerOnly;
import io.mensageria.security.rest.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

@Path("api/users")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    /**
     * Requests that may wait for or run a password hash at once, per route (registration, sign-in): the
     * hashes themselves take one slot per core ({@code HashingSlots}), and this bounds the HTTP workers a
     * flood of them can hold, so that the rest of the API keeps its own; the rest get 503 and Retry-After.
     * It is also the WAR's Fault Tolerance annotation, without which Payara applies Fault Tolerance
     * nowhere in the EAR (the gateway's timeout and circuit breaker included: PaymentGatewayIT).
     */
    static final int PASSWORD_REQUESTS = 8;

    @Inject
    Accounts accounts;

    @Inject
    PublicLinks links;

    @Inject
    SignedInUser caller;

    @POST
    @Bulkhead(PASSWORD_REQUESTS)
    public Response register(@NotNull(message = "a JSON body is required") @Valid RegisterUser request) {
        UserView user = UserView.of(accounts.register(request.name(), request.email(), request.password()));
        return Response.created(links.to("api/users/" + user.id())).entity(user).build();
    }

    /** A user's own account; anyone else's is forbidden, known or not. */
    @GET
    @Path("{userId}")
    @OwnerOnly
    public UserView user() {
        return accounts.find(caller.id())
                .map(UserView::of)
                .orElseThrow(() -> new ForbiddenException("This account no longer exists"));
    }
}
