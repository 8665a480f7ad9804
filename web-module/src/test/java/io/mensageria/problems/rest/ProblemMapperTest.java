package io.mensageria.problems.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mensageria.gateway.boundary.GatewayUnavailable;
import io.mensageria.problems.boundary.RequestRejected;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.transaction.SystemException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import javax.transaction.xa.XAException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.junit.jupiter.api.Test;

/** Which failure becomes which answer: the client's mistakes are 4xx with the reason, dependencies 503, the rest 500. */
class ProblemMapperTest {

    @Test
    void eachRejectionReasonHasItsStatus() {
        assertEquals(400, status(RequestRejected.invalid("email", "bad")));
        assertEquals(401, status(RequestRejected.unauthenticated("who?")));
        assertEquals(404, status(RequestRejected.notFound("no such plan")));
        assertEquals(409, status(RequestRejected.conflict("email", "taken")));
        assertEquals(429, status(RequestRejected.throttled("slow down", Duration.ofSeconds(5))));
    }

    @Test
    void aRejectionNamesItsFieldAndKeepsItsWordsThroughTheContainersWrapping() {
        Problem problem = ProblemMapper.problemFor(new EJBException(RequestRejected.conflict("email", "taken")));
        assertEquals(409, problem.status());
        assertEquals("taken", problem.detail());
        assertEquals(List.of(new Problem.FieldError("email", "taken")), problem.errors());
        assertNull(ProblemMapper.problemFor(RequestRejected.notFound("gone")).errors(), "no field, no errors list");
    }

    @Test
    void aDependencyThatIsDownIsServiceUnavailableWithRetryAfter() {
        for (Throwable down : List.of(
                new GatewayUnavailable("gateway timed out"),
                new BulkheadException("too many password hashes at once"),
                new RuntimeException(new SQLTransientConnectionException("no connection")),
                new RuntimeException(new SQLException("connection refused", "08001")),
                new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01")),
                commitFailedUnder(new XAException(XAException.XAER_RMERR)))) {
            Problem problem = ProblemMapper.problemFor(down);
            assertEquals(503, problem.status(), down.toString());
            assertEquals(OptionalLong.of(5), ProblemMapper.retryAfterSeconds(down, problem));
        }
    }

    @Test
    void aThrottleSaysHowLongToWait() {
        RequestRejected throttled = RequestRejected.throttled("slow down", Duration.ofMillis(20_400));
        assertEquals(
                OptionalLong.of(20), ProblemMapper.retryAfterSeconds(throttled, ProblemMapper.problemFor(throttled)));
        RequestRejected soon = RequestRejected.throttled("slow down", Duration.ofMillis(10));
        assertEquals(OptionalLong.of(1), ProblemMapper.retryAfterSeconds(soon, ProblemMapper.problemFor(soon)));
    }

    @Test
    void aBodyThatIsNotTheExpectedJsonIsTheClientsMistake() {
        assertEquals(400, status(new JsonbException("Unexpected char")));
    }

    @Test
    void anythingElseIsAnInternalErrorThatTellsNothing() {
        Problem problem = ProblemMapper.problemFor(new SQLException("duplicate key value violates", "23505"));
        assertEquals(500, problem.status());
        assertEquals("The request could not be processed", problem.detail());
        assertEquals(OptionalLong.empty(), ProblemMapper.retryAfterSeconds(new IllegalStateException(), problem));
    }

    @Test
    void aCommitThatFailedForAnotherReasonIsAnInternalError() {
        assertEquals(500, status(commitFailedUnder(new XAException(XAException.XAER_PROTO))));
    }

    /** What Payara throws when a local transaction's commit fails: its cause only in the XAException's message. */
    private static Throwable commitFailedUnder(XAException resourceFailure) {
        SystemException commitFailed = new SystemException("commit failed");
        commitFailed.initCause(resourceFailure);
        return new EJBException(commitFailed);
    }

    private static int status(Throwable failure) {
        return ProblemMapper.problemFor(failure).status();
    }
}
