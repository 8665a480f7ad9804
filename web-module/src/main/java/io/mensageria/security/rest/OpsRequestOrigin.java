package io.mensageria.security.rest;

import io.mensageria.problems.rest.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Set;

/**
 * Cross-site request forgery on the ops API: an operator's browser keeps the Basic login for the app's
 * origin and would send it with a retry or discard that a hostile page submits. A state-changing ops
 * request is refused (403) when it comes from a browser and not from the ops page: a cross-site
 * {@code Sec-Fetch-Site}, an {@code Origin} other than the app's own, or an {@code Origin} without the
 * header only the ops page sends (a cross-origin page cannot add it without a preflight, which nothing
 * here allows). Clients that are not browsers (curl, scripts) send neither and pass.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class OpsRequestOrigin implements ContainerRequestFilter {

    public static final String PAGE_HEADER = "X-Mensageria-Ops";

    private static final Set<String> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())
                || !request.getUriInfo().getPath().startsWith("ops/")) {
            return;
        }
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        String origin = request.getHeaderString("Origin");
        boolean crossSite = fetchSite != null && !OWN_SITE.contains(fetchSite);
        boolean foreignOrigin = origin != null && !origin.equals(ownOrigin(request));
        boolean notThePage = origin != null && request.getHeaderString(PAGE_HEADER) == null;
        if (crossSite || foreignOrigin || notThePage) {
            request.abortWith(Problem.of(
                            Status.FORBIDDEN,
                            "State-changing ops requests from a browser are accepted from the ops page only",
                            List.of())
                    .toResponse());
        }
    }

    /** The origin the browser addressed: the ops page is served by this same port. */
    private static String ownOrigin(ContainerRequestContext request) {
        return request.getUriInfo().getBaseUri().getScheme() + "://" + request.getHeaderString(HttpHeaders.HOST);
    }
}
