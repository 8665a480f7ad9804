package io.mensageria.problems.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Refuses, before any resource is chosen, a path or query no route of the API can mean: a path with
 * parameters ({@code /api/users;x/...}, which the container's security rules and JAX-RS's matching read
 * differently), or a control character anywhere in the decoded path or a query parameter.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestLineFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        if (uri.getRequestUri().getRawPath().indexOf(';') >= 0) {
            request.abortWith(refused("path", "Path parameters (';') are not accepted"));
        } else if (!PlainText.Validator.isPlain(uri.getPath())) {
            request.abortWith(refused("path", "The path must not contain control characters"));
        } else if (!plainQuery(uri)) {
            request.abortWith(
                    refused("query", "Query parameters must be percent-encoded text without control characters"));
        }
    }

    private static boolean plainQuery(UriInfo uri) {
        try {
            return uri.getQueryParameters().entrySet().stream().allMatch(RequestLineFilter::isPlain);
        } catch (IllegalArgumentException badPercentEncoding) {
            return false;
        }
    }

    private static boolean isPlain(Map.Entry<String, List<String>> parameter) {
        return PlainText.Validator.isPlain(parameter.getKey())
                && parameter.getValue().stream().allMatch(PlainText.Validator::isPlain);
    }

    private static Response refused(String field, String message) {
        return Problem.of(Status.BAD_REQUEST, message, List.of(new Problem.FieldError(field, message)))
                .toResponse();
    }
}
