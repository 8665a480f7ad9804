package io.mensageria.subscriptions.rest;

import io.mensageria.subscriptions.boundary.Subscriptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("api/plans")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class PlansResource {

    @Inject
    Subscriptions subscriptions;

    public record PlanView(String id, String name, long priceCents, String currency) {}

    @GET
    public List<PlanView> plans() {
        return subscriptions.plans().stream()
                .map(plan -> new PlanView(plan.id(), plan.name(), plan.priceCents(), plan.currency()))
                .toList();
    }
}
