package io.mensageria.rest;

import io.mensageria.problems.boundary.RequestRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * GET /api/docs/: the API reference page, Swagger UI (from its webjar, copied in at build time) on the
 * OpenAPI document, which nginx passes on from /openapi as /api/docs/openapi.yaml. Only these files;
 * nothing is fetched from elsewhere, and the policy lets the page reach nothing but this origin.
 */
@Path("api/docs")
@ApplicationScoped
public class ApiDocsResource {

    // Swagger UI sets styles inline and draws its icons as data: images.
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; frame-ancestors 'none'";

    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "reference.js", "text/javascript; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui.css", "text/css; charset=utf-8");

    @GET
    public Response page() {
        return file("index.html");
    }

    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String name) {
        String type = FILES.get(name);
        if (type == null) {
            throw RequestRejected.notFound("No file " + name + " on the API reference page");
        }
        return Response.ok(getClass().getResourceAsStream("/api-docs/" + name), type)
                .header("Content-Security-Policy", POLICY)
                .build();
    }
}
