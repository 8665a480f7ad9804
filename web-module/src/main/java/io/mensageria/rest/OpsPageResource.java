package io.mensageria.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * GET /ops/: the operator page (trace timeline, log search, event log, dead letters, service map).
 * One static file calling the ops API; nothing for a user to build.
 */
@Path("ops")
@ApplicationScoped
public class OpsPageResource {

    // Its script puts every server value in the page as text; this policy keeps anything else out.
    static final String POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        InputStream page = getClass().getResourceAsStream("/ops-page/index.html");
        return Response.ok(page)
                .header("Content-Security-Policy", POLICY)
                .header("Cache-Control", "no-store")
                .build();
    }
}
