package io.mensageria.deadletters.rest;

import io.mensageria.deadletters.boundary.DeadLetterView;
import io.mensageria.deadletters.boundary.DeadLetters;
import io.mensageria.problems.boundary.RequestRejected;
import io.mensageria.rest.OpsQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/** /ops/dead-letters: what no retry could process, each one whole, and the operator's retry, edit or discard. */
@Path("ops/dead-letters")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class OpsDeadLettersResource {

    @Inject
    DeadLetters deadLetters;

    @GET
    public List<DeadLetterView> deadLetters(
            @QueryParam("consumer") String consumer,
            @QueryParam("eventType") String eventType,
            @QueryParam("state") String state) {
        return deadLetters.find(OpsQueries.blankToNull(consumer), OpsQueries.blankToNull(eventType), state);
    }

    @GET
    @Path("{id}")
    public DeadLetterView deadLetter(@PathParam("id") String id) {
        return deadLetters.detail(uuid(id));
    }

    @GET
    @Path("groups")
    public List<DeadLetters.Group> groups() {
        return deadLetters.groups();
    }

    @POST
    @Path("{id}/retry")
    public Response retry(@PathParam("id") String id) {
        deadLetters.retry(uuid(id));
        return Response.accepted().build();
    }

    @POST
    @Path("groups/{groupId}/retry")
    public Response retryGroup(@PathParam("groupId") String groupId) {
        return Response.accepted(Json.createObjectBuilder()
                        .add("retried", deadLetters.retryGroup(uuid(groupId)))
                        .build())
                .build();
    }

    public record EditRequest(JsonObject payload) {

        // Declared for the reason given in RegisterUser.
        public EditRequest(JsonObject payload) {
            this.payload = payload;
        }
    }

    /** Sends a corrected copy; 202 {@code {"eventId"}} of the copy. */
    @POST
    @Path("{id}/edit")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response edit(
            @PathParam("id") String id, @NotNull(message = "a JSON body is required") @Valid EditRequest request) {
        if (request.payload() == null) {
            throw RequestRejected.invalid("payload", "the corrected payload, a JSON object, is required");
        }
        return Response.accepted(Json.createObjectBuilder()
                        .add(
                                "eventId",
                                deadLetters.edit(uuid(id), request.payload()).toString())
                        .build())
                .build();
    }

    @DELETE
    @Path("{id}")
    public Response discard(@PathParam("id") String id) {
        deadLetters.discard(uuid(id));
        return Response.noContent().build();
    }

    @DELETE
    @Path("groups/{groupId}")
    public Response discardGroup(@PathParam("groupId") String groupId) {
        deadLetters.discardGroup(uuid(groupId));
        return Response.noContent().build();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw RequestRejected.notFound("No dead letter " + id);
        }
    }
}
