package io.mensageria.security.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Enforces {@link OwnerOnly}: the {@code userId} in the path must be the signed-in user's. */
@Provider
@OwnerOnly
@Priority(Priorities.AUTHORIZATION)
public class OwnerOnlyFilter implements ContainerRequestFilter {

    @Inject
    SignedInUser caller;

    @Override
    public void filter(ContainerRequestContext request) {
        caller.requireSelf(request.getUriInfo().getPathParameters().getFirst("userId"));
    }
}
