package fr.tremplin.applications.rest;

import fr.tremplin.applications.domain.IllegalTransitionException;
import fr.tremplin.common.problem.Problem;
import fr.tremplin.common.problem.ProblemTypes;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * This service's own problem answer: an illegal transition is a 409 that names the candidacy's current state. A write
 * that lost a race (unique index, deadlock, lock timeout, the seat ledger's CHECK) is classified once for every service
 * by tremplin-common's {@code DatabaseFailure}: a 409 to retry, never a 500.
 */
public class ApplicationProblems {

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
}
