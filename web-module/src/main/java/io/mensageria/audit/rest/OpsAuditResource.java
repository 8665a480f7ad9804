package io.mensageria.audit.rest;

import io.mensageria.audit.boundary.AuditTrail;
import io.mensageria.rest.OpsQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** GET /ops/audit: what operators did, newest first, paged by {@code next}. */
@Path("ops/audit")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class OpsAuditResource {

    @Inject
    AuditTrail audit;

    @GET
    public AuditTrail.Page entries(@QueryParam("before") String before, @QueryParam("limit") String limit) {
        return audit.entries(OpsQueries.number("before", before), OpsQueries.limit(limit, AuditTrail.DEFAULT_LIMIT));
    }
}
