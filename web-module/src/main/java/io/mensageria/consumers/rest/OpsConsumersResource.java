package io.mensageria.consumers.rest;

import io.mensageria.consumers.boundary.ConsumerPauses;
import io.mensageria.consumers.boundary.ConsumerView;
import io.mensageria.consumers.boundary.Consumers;
import io.mensageria.problems.rest.PlainText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** /ops/consumers: each consumer's state and queues, and the operator's pause and resume. */
@Path("ops/consumers")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class OpsConsumersResource {

    @Inject
    Consumers consumers;

    @Inject
    ConsumerPauses pauses;

    public record PauseRequest(
            @PlainText @Size(max = ConsumerPauses.MAX_REASON)
            String reason) {

        // Declared for the reason given in RegisterUser.
        public PauseRequest(String reason) {
            this.reason = reason;
        }
    }

    @GET
    public List<ConsumerView> consumers() {
        return consumers.all();
    }

    /** The body, with its reason, is optional. */
    @POST
    @Path("{consumer}/pause")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response pause(@PathParam("consumer") String consumer, @Valid PauseRequest request) {
        pauses.pause(consumer, request == null ? null : request.reason());
        return Response.accepted().build();
    }

    @POST
    @Path("{consumer}/resume")
    public Response resume(@PathParam("consumer") String consumer) {
        pauses.resume(consumer);
        return Response.accepted().build();
    }
}
