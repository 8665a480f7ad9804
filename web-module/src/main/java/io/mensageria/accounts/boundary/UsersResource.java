package io.mensageria.accounts.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

@Path("api/users")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    Accounts accounts;

    @Context
    UriInfo uriInfo;

    @POST
    public Response register(@NotNull(message = "a JSON body is required") @Valid RegisterUser request) {
        UserView user = UserView.of(accounts.register(request.name(), request.email(), request.password()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(user.id().toString()).build())
                .entity(user)
                .build();
    }
}
