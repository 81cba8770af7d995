package fr.tremplin.applications.domain;

import java.util.stream.Collectors;

/**
 * A transition the lifecycle table does not allow from the candidacy's current state: answered 409 with the current
 * state (see {@code rest.ApplicationProblems}).
 */
public class IllegalTransitionException extends RuntimeException {

    private final ApplicationState currentState;
    private final Action action;

    public IllegalTransitionException(ApplicationState currentState, Action action, String role) {
        super(message(currentState, action, role));
        this.currentState = currentState;
        this.action = action;
    }

    public ApplicationState currentState() {
        return currentState;
    }

    public Action action() {
        return action;
    }

    private static String message(ApplicationState state, Action action, String role) {
        String allowed = CandidacyLifecycle.table().stream()
                .filter(r -> r.action() == action && r.roles().contains(role) && r.from() != null)
                .map(r -> r.from().name()).collect(Collectors.joining(", "));
        return "a " + role + " cannot " + action.label() + " a candidacy that is " + state
                + (allowed.isEmpty() ? "" : " (only from " + allowed + ")");
    }
}
