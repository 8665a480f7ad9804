package io.mensageria.telemetry.rest;

import io.mensageria.problems.rest.Problem;
import io.mensageria.telemetry.boundary.TraceContext;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;

/**
 * The error page of the web module (web.xml): answers the container raises itself, outside JAX-RS,
 * such as a 401 from authentication, become problem+json like every other error, never HTML. It
 * lives beside {@link TraceIdFilter} because, like it, it gives the answer its trace id: no JAX-RS
 * resource, and so no server span, served these requests.
 */
@WebServlet("/error")
public class ProblemErrorServlet extends HttpServlet {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    TraceContext traceContext;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer given ? given : HttpServletResponse.SC_NOT_FOUND;
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String traceId = traceContext.traceOfUnservedRequest(request.getMethod(), request.getHeader("traceparent"));
        Problem problem = Problem.of(
                        statusType != null ? statusType : Response.Status.INTERNAL_SERVER_ERROR,
                        detailFor(status),
                        List.of())
                .withTraceId(traceId);
        response.setStatus(status);
        response.setHeader(TraceContext.TRACE_ID_HEADER, traceId);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.toJson(problem));
    }

    private static String detailFor(int status) {
        return switch (status) {
            case HttpServletResponse.SC_UNAUTHORIZED -> "Valid credentials are required";
            case HttpServletResponse.SC_FORBIDDEN -> "These credentials do not give access here";
            case HttpServletResponse.SC_NOT_FOUND -> "No resource at this path";
            default -> "The request could not be processed";
        };
    }
}
