package fr.tremplin.applications.rest;

import fr.tremplin.applications.domain.IllegalTransitionException;
import fr.tremplin.common.problem.Problem;
import fr.tremplin.common.problem.ProblemMappers;
import fr.tremplin.common.problem.ProblemTypes;
import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.Set;

/**
 * This service's own problem answers: an illegal transition is a 409 that names the candidacy's current state; a
 * write that lost a race against a concurrent one (unique index, deadlock, lock timeout, the seat ledger's CHECK) is a
 * 409 to retry, never a 500.
 */
public class ApplicationProblems {

    private static final Logger LOG = Logger.getLogger(ApplicationProblems.class);
    /** unique violation, check violation, serialization failure, deadlock, lock not available */
    private static final Set<String> LOST_RACE = Set.of("23505", "23514", "40001", "40P01", "55P03");

    /** RFC 9457 problem with two extension members. */
    public record TransitionProblem(String type, String title, int status, String detail, String currentState,
                                    String action) {
    }

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e) {
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(new TransitionProblem(ProblemTypes.of(409), "Illegal transition", 409, e.getMessage(),
                        e.currentState() == null ? null : e.currentState().name(), e.action().label()))
                .build();
    }

    @ServerExceptionMapper({PersistenceException.class, RollbackException.class, ArcUndeclaredThrowableException.class})
    public Response persistence(Exception e) {
        String state = sqlState(e);
        if (state != null && LOST_RACE.contains(state)) {
            return ProblemTypes.response(409, "Conflict",
                    "a concurrent change got there first (duplicate, seat taken or row locked); reload and retry");
        }
        Response busy = ProblemMappers.busy(e);
        if (busy != null) {
            return busy;
        }
        LOG.error("unexpected persistence error", e);
        return ProblemTypes.response(500, "Internal error", "an unexpected error occurred; it has been logged");
    }

    static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
