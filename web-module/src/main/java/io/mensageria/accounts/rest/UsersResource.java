package io.mensageria.accounts.rest;

import io.mensageria.accounts.boundary.Accounts;
import io.mensageria.rest.PublicLinks;
import io.mensageria.security.rest.OwnerOnly;
import io.mensageria.security.rest.SignedInUser;
import jakarta.enterprise.context.RequestScoped;
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

@Path("api/users")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    Accounts accounts;

    @Inject
    PublicLinks links;

    @Inject
    SignedInUser caller;

    @POST
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
