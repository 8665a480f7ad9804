package io.mensageria.wallet.rest;

import io.mensageria.security.rest.OwnerOnly;
import io.mensageria.security.rest.SignedInUser;
import io.mensageria.wallet.boundary.Wallet;
import io.mensageria.wallet.entity.Card;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;

/**
 * A user's cards. Like every resource here it is one instance for all requests ({@code @ApplicationScoped}), what
 * a request brings coming as method parameters: made anew for each request, with its injections, it took 5.7 % of
 * the server's CPU in a card-added profile.
 */
@Path("api/users/{userId}/cards")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@OwnerOnly
public class CardsResource {

    @Inject
    Wallet wallet;

    @Inject
    SignedInUser caller;

    /** A card as the API shows it: never the number, nor the gateway's token. */
    public record CardView(UUID id, String brand, String last4, int expiryMonth, int expiryYear) {

        static CardView of(Card card) {
            return new CardView(card.id(), card.brand(), card.last4(), card.expiryMonth(), card.expiryYear());
        }
    }

    @POST
    public Response add(
            @NotNull(message = "a JSON body is required") @Valid AddCard request, @Context UriInfo uriInfo) {
        CardView card = CardView.of(wallet.addCard(
                caller.id(), request.number(), request.holder(), request.expiryMonth(), request.expiryYear()));
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(card.id().toString())
                        .build())
                .entity(card)
                .build();
    }

    @GET
    public List<CardView> cards() {
        return wallet.cardsOf(caller.id()).stream().map(CardView::of).toList();
    }
}
