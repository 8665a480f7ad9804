package io.mensageria.telemetry.rest;

import io.mensageria.problems.boundary.RequestRejected;
import io.mensageria.rest.OpsQueries;
import io.mensageria.telemetry.boundary.TraceView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** /ops/traces: the central log and spans, by trace id or by search. */
@Path("ops/traces")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class OpsTracesResource {

    @Inject
    TraceView traces;

    @GET
    @Path("{traceId}")
    public TraceView.Trace trace(@PathParam("traceId") String traceId) {
        if (!traceId.matches("[0-9a-f]{32}")) {
            throw RequestRejected.invalid("traceId", "traceId must be 32 lowercase hex digits");
        }
        return traces.trace(traceId)
                .orElseThrow(() -> RequestRejected.notFound("Nothing is logged for trace " + traceId));
    }

    @GET
    public TraceView.Page search(
            @QueryParam("service") String service,
            @QueryParam("level") String level,
            @QueryParam("text") String text,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam("before") String before,
            @QueryParam("limit") String limit) {
        return traces.search(new TraceView.Search(
                OpsQueries.blankToNull(service),
                OpsQueries.blankToNull(level),
                OpsQueries.blankToNull(text),
                OpsQueries.instant("since", since),
                OpsQueries.instant("until", until),
                OpsQueries.number("before", before),
                OpsQueries.limit(limit, TraceView.DEFAULT_LIMIT)));
    }
}
