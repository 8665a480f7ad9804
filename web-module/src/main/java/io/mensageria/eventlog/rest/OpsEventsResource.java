package io.mensageria.eventlog.rest;

import io.mensageria.eventlog.boundary.EventLogView;
import io.mensageria.eventlog.boundary.EventQuery;
import io.mensageria.eventlog.boundary.LoggedEventView;
import io.mensageria.rest.OpsQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** GET /ops/events: the event log, newest first, with each consumer's state. */
@Path("ops/events")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class OpsEventsResource {

    @Inject
    EventLogView eventLog;

    public record Page(List<LoggedEventView> events) {}

    @GET
    public Page events(
            @QueryParam("type") String type,
            @QueryParam("traceId") String traceId,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam("before") String before,
            @QueryParam("limit") String limit) {
        EventQuery query = new EventQuery(
                OpsQueries.blankToNull(type),
                OpsQueries.blankToNull(traceId),
                OpsQueries.instant("since", since),
                OpsQueries.instant("until", until),
                OpsQueries.number("before", before),
                OpsQueries.limit(limit, EventQuery.DEFAULT_LIMIT));
        return new Page(eventLog.find(query));
    }
}
