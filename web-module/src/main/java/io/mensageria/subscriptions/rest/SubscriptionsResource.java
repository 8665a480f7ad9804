package io.mensageria.subscriptions.rest;

import io.mensageria.problems.boundary.RequestRejected;
import io.mensageria.rest.PublicLinks;
import io.mensageria.security.rest.SignedInUser;
import io.mensageria.subscriptions.boundary.Subscriptions;
import io.mensageria.subscriptions.entity.Subscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

@Path("api/subscriptions")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionsResource {

    @Inject
    Subscriptions subscriptions;

    @Inject
    SignedInUser caller;

    @Inject
    PublicLinks links;

    public record SubscriptionView(
            UUID id, UUID userId, String planId, Subscription.Status status, OffsetDateTime activatedAt) {

        static SubscriptionView of(Subscription subscription) {
            return new SubscriptionView(
                    subscription.id(),
                    subscription.userId(),
                    subscription.planId(),
                    subscription.status(),
                    subscription.activatedAt());
        }
    }

    /** Orders a plan for the signed-in user: 202, the charge happens asynchronously. */
    @POST
    public Response purchase(@NotNull(message = "a JSON body is required") @Valid PurchasePlan request) {
        SubscriptionView subscription = SubscriptionView.of(subscriptions.purchase(caller.id(), request.planId()));
        return Response.accepted(subscription)
                .location(links.to("api/subscriptions/" + subscription.id()))
                .build();
    }

    /** The caller's own subscription; anyone else's, like an unknown one, is 404. */
    @GET
    @Path("{id}")
    public SubscriptionView subscription(@PathParam("id") String id) {
        return parse(id)
                .flatMap(uuid -> subscriptions.find(uuid, caller.id()))
                .map(SubscriptionView::of)
                .orElseThrow(() -> RequestRejected.notFound("No such subscription"));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
