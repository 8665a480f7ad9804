package io.mensageria.idempotency.rest;

import io.mensageria.idempotency.boundary.IdempotencyKeys;
import io.mensageria.problems.rest.Problem;
import io.mensageria.security.rest.ClientAddress;
import io.mensageria.telemetry.boundary.TraceContext;
import io.mensageria.telemetry.rest.TraceIdFilter;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Idempotency-Key header on POST routes: a repeat with the same key by the same caller within 24 h
 * answers as the first request did (marked {@code Idempotent-Replayed: true}) and has no second effect.
 * The same key for a different request is refused (422). A keyed request runs in one transaction,
 * begun here: the claim, the services' effects and the answer commit together, so a server that dies
 * mid-request leaves nothing, and the repeat runs as a first request; a repeat while the first is
 * still running waits for it and replays its answer. A refused request (4xx) rolls back and its answer
 * is remembered on its own; an answer of 5xx is not remembered, so that the client can retry.
 * Requests are recognised by a keyed fingerprint ({@link RequestFingerprints}), never stored; a route whose answer holds a secret
 * ({@link NeverReplayed}: sign-in) is not recorded at all.
 * Runs after {@link TraceIdFilter} on the way out, so the stored problem carries its trace id.
 */
@Provider
@Priority(Priorities.USER - 100)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class.getName());

    /** RFC 9110's 422, which JAX-RS 3.1 has no constant for. */
    private static final Response.StatusType UNPROCESSABLE_CONTENT = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    @EJB
    IdempotencyKeys keys;

    @Inject
    RequestFingerprints fingerprints;

    @Inject
    ClientAddress clientAddress;

    @Context
    HttpServletRequest servletRequest;

    @Context
    ResourceInfo resource;

    @Resource
    UserTransaction transaction;

    private record Claim(String caller, String key, String fingerprint) {}

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null
                || !"POST".equals(request.getMethod())
                || resource.getResourceMethod().isAnnotationPresent(NeverReplayed.class)) {
            return;
        }
        if (!key.matches("[\\x21-\\x7e]{1,200}")) {
            request.abortWith(
                    problem(Response.Status.BAD_REQUEST, "Idempotency-Key must be 1 to 200 visible ASCII characters"));
            return;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        Claim claim = new Claim(
                callerOf(request),
                key,
                fingerprints.of(request.getMethod(), request.getUriInfo().getPath(), body));

        Optional<IdempotencyKeys.Stored> stored = claimInANewTransaction(claim);
        if (stored.isEmpty()) {
            request.setProperty(CLAIM, claim);
        } else if (!stored.get().fingerprint().equals(claim.fingerprint())) {
            request.abortWith(
                    problem(UNPROCESSABLE_CONTENT, "This Idempotency-Key was already used for a different request"));
        } else {
            request.abortWith(replay(stored.get().answer()));
        }
    }

    /** Begins the request's transaction with the claim; ends it at once when the key is already taken. */
    private Optional<IdempotencyKeys.Stored> claimInANewTransaction(Claim claim) {
        try {
            transaction.begin();
            Optional<IdempotencyKeys.Stored> stored = keys.claim(claim.caller(), claim.key(), claim.fingerprint());
            if (stored.isPresent()) {
                transaction.rollback();
            }
            return stored;
        } catch (NotSupportedException | SystemException | RuntimeException e) {
            rollBack();
            throw new IllegalStateException("Idempotency-Key not claimed: " + e.getMessage(), e);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return;
        }
        try {
            IdempotencyKeys.Answer answer = answerOf(response);
            if (response.getStatus() >= 500) {
                rollBack();
            } else if (transaction.getStatus() == Status.STATUS_ACTIVE) {
                keys.complete(claim.caller(), claim.key(), answer);
                transaction.commit();
            } else if (response.getStatus() >= 400) {
                // Refused: the services rolled their changes back, and the claim with them.
                rollBack();
                keys.refused(claim.caller(), claim.key(), claim.fingerprint(), answer);
            } else {
                throw new RollbackException("a success whose transaction was marked for rollback");
            }
        } catch (RollbackException | HeuristicMixedException | HeuristicRollbackException | SystemException e) {
            LOG.log(Level.WARNING, "A request with an Idempotency-Key did not commit", e);
            Problem unavailable = Problem.of(
                            Response.Status.SERVICE_UNAVAILABLE,
                            "The request could not be completed; nothing was changed, and it may be repeated",
                            List.of())
                    .withTraceId(response.getHeaderString(TraceContext.TRACE_ID_HEADER));
            response.setStatus(unavailable.status());
            response.getHeaders().remove(HttpHeaders.LOCATION);
            response.setEntity(unavailable, null, MediaType.valueOf(Problem.MEDIA_TYPE));
        } finally {
            rollBack();
        }
    }

    private static IdempotencyKeys.Answer answerOf(ContainerResponseContext response) {
        Object entity = response.getEntity();
        String body = entity == null ? null : entity instanceof String text ? text : JSON.toJson(entity);
        MediaType type = response.getMediaType();
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        return new IdempotencyKeys.Answer(
                response.getStatus(),
                type == null ? null : type.toString(),
                location == null ? null : location.toString(),
                body);
    }

    /** Ends the request's transaction, if it is still open, without its changes. */
    private void rollBack() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (SystemException | IllegalStateException e) {
            LOG.log(Level.WARNING, "The request's transaction could not be rolled back", e);
        }
    }

    /**
     * The signed-in user, or for anonymous routes (registration) the client's address: one client's key
     * never answers for another's.
     */
    private String callerOf(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (principal != null) {
            return "user:" + principal.getName();
        }
        return "anonymous:" + clientAddress.of(servletRequest);
    }

    private static Response replay(IdempotencyKeys.Answer answer) {
        Response.ResponseBuilder replay = Response.status(answer.status()).header("Idempotent-Replayed", "true");
        if (answer.body() != null) {
            replay.entity(answer.body()).type(answer.contentType());
        }
        if (answer.location() != null) {
            replay.header(HttpHeaders.LOCATION, answer.location());
        }
        return replay.build();
    }

    private static Response problem(Response.StatusType status, String detail) {
        return Problem.of(status, detail, List.of()).toResponse();
    }
}
