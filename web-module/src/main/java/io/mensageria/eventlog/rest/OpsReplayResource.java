package io.mensageria.eventlog.rest;

import io.mensageria.eventlog.boundary.Replay;
import io.mensageria.problems.rest.PlainText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;

/** POST /ops/replay: re-sends logged events of one type to one consumer's queue. */
@Path("ops/replay")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OpsReplayResource {

    @Inject
    Replay replay;

    public record ReplayRequest(
            @NotBlank @PlainText @Size(max = 100) String consumer,
            @NotBlank @PlainText @Size(max = 100) String eventType,
            OffsetDateTime since,
            OffsetDateTime until,
            Boolean reprocess) {

        // Declared for the reason given in RegisterUser.
        public ReplayRequest(
                String consumer, String eventType, OffsetDateTime since, OffsetDateTime until, Boolean reprocess) {
            this.consumer = consumer;
            this.eventType = eventType;
            this.since = since;
            this.until = until;
            this.reprocess = reprocess;
        }
    }

    @POST
    public Response replay(@NotNull(message = "a JSON body is required") @Valid ReplayRequest request) {
        int replayed = replay.replay(
                request.consumer(),
                request.eventType(),
                request.since(),
                request.until(),
                Boolean.TRUE.equals(request.reprocess()));
        return Response.accepted(
                        Json.createObjectBuilder().add("replayed", replayed).build())
                .build();
    }
}
