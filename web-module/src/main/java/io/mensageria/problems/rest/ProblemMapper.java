package io.mensageria.problems.rest;

import io.mensageria.gateway.boundary.GatewayUnavailable;
import io.mensageria.problems.boundary.RequestRejected;
import jakarta.json.bind.JsonbException;
import jakarta.resource.ResourceException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Turns every failure into a problem+json answer: what the client got wrong as 4xx with the reason,
 * anything else as a bare 500 whose details stay in the log (under the same trace id).
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());
    private static final int RETRY_UNAVAILABLE_SECONDS = 5;
    // XAException is Java SE's (module java.transaction.xa): Jakarta Transactions kept javax.transaction.xa.
    private static final Set<Integer> RESOURCE_FAILED =
            Set.of(XAException.XAER_RMERR, XAException.XAER_RMFAIL, XAException.XA_RBCOMMFAIL);

    @Override
    public Response toResponse(Throwable failure) {
        Problem problem = problemFor(failure);
        Response response = problem.toResponse();
        OptionalLong retryAfter = retryAfterSeconds(failure, problem);
        return retryAfter.isEmpty()
                ? response
                : Response.fromResponse(response)
                        .header("Retry-After", retryAfter.getAsLong())
                        .build();
    }

    /** How long the client should wait: as a throttle says, or a few seconds for a dependency that is down. */
    static OptionalLong retryAfterSeconds(Throwable failure, Problem problem) {
        RequestRejected rejected = causeOfType(failure, RequestRejected.class);
        if (rejected != null && rejected.retryAfter() != null) {
            return OptionalLong.of(Math.max(1, rejected.retryAfter().toSeconds()));
        }
        return problem.status() == Status.SERVICE_UNAVAILABLE.getStatusCode()
                ? OptionalLong.of(RETRY_UNAVAILABLE_SECONDS)
                : OptionalLong.empty();
    }

    static Problem problemFor(Throwable failure) {
        RequestRejected rejected = causeOfType(failure, RequestRejected.class);
        if (rejected != null) {
            List<Problem.FieldError> errors = rejected.fieldErrors().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(error -> new Problem.FieldError(error.getKey(), error.getValue()))
                    .toList();
            return Problem.of(statusOf(rejected.reason()), rejected.getMessage(), errors);
        }
        if (causeOfType(failure, GatewayUnavailable.class) != null
                || causeOfType(failure, FaultToleranceException.class) != null
                || databaseUnreachable(failure)) {
            // A dependency is down or overloaded (the database, the gateway, or too many password hashes
            // at once): not the client's fault, and nothing was changed.
            LOG.log(Level.WARNING, "Service unavailable: {0}", failure.toString());
            return Problem.of(Status.SERVICE_UNAVAILABLE, "Temporarily unavailable; retry shortly", List.of());
        }
        if (failure instanceof WebApplicationException web) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            if (status.getStatusCode() < 500) {
                return Problem.of(status, web.getMessage(), List.of());
            }
        }
        if (causeOfType(failure, JsonbException.class) != null || failure instanceof ProcessingException) {
            return Problem.of(
                    Status.BAD_REQUEST, "The request body is not valid JSON of the expected shape", List.of());
        }
        LOG.log(Level.SEVERE, "Request failed", failure);
        return Problem.of(Status.INTERNAL_SERVER_ERROR, "The request could not be processed", List.of());
    }

    /**
     * The connection pool could not give a connection, or the connection broke (SQLState class 08), or
     * PostgreSQL is shutting down or starting (57P01-57P03: what a connection in use answers when the
     * server is stopped under it), or a commit failed because its resource did (an {@link XAException}
     * of a resource manager error: Payara's answer when the connection under a local transaction
     * broke, with the pool's reason only in its message).
     */
    private static boolean databaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ResourceException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLException sql
                            && sql.getSQLState() != null
                            && (sql.getSQLState().startsWith("08")
                                    || sql.getSQLState().startsWith("57P"))
                    || t instanceof XAException xa && RESOURCE_FAILED.contains(xa.errorCode)) {
                return true;
            }
        }
        return false;
    }

    private static Status statusOf(RequestRejected.Reason reason) {
        return switch (reason) {
            case INVALID -> Status.BAD_REQUEST;
            case UNAUTHENTICATED -> Status.UNAUTHORIZED;
            case NOT_FOUND -> Status.NOT_FOUND;
            case CONFLICT -> Status.CONFLICT;
            case THROTTLED -> Status.TOO_MANY_REQUESTS;
        };
    }

    // The EJB container may wrap what a bean threw; look through the causes.
    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
