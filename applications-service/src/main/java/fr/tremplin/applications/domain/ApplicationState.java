package fr.tremplin.applications.domain;

import java.util.EnumSet;
import java.util.Set;

/** The states of a candidacy (docs/ARCHITECTURE.md §4). The transitions between them are in {@link CandidacyLifecycle}. */
public enum ApplicationState {
    SUBMITTED, FORWARDED, REDIRECTED, ACCEPTED, CONFIRMED, AGREEMENT_SIGNED, COMPLETED, REJECTED, CANCELLED, EXPIRED;

    /** Still waiting for an answer or a confirmation: they count towards a pupil's maximum of open candidacies. */
    public static final Set<ApplicationState> OPEN = EnumSet.of(SUBMITTED, FORWARDED, ACCEPTED);

    /** A pupil with a candidacy in one of these has an internship: they cannot apply again. */
    public static final Set<ApplicationState> PLACED = EnumSet.of(CONFIRMED, AGREEMENT_SIGNED, COMPLETED);

    /**
     * Still in play, from submission to the signed agreement (the states a candidacy can be cancelled from): what a
     * withdrawn week, a removed offer or an erased pupil cancels, and what follows a pupil who changes class or
     * school. A completed internship is history, not live.
     */
    public static final Set<ApplicationState> LIVE = EnumSet.of(SUBMITTED, FORWARDED, ACCEPTED, CONFIRMED,
            AGREEMENT_SIGNED);

    /** What the candidacy does to its week's seats while in this state. */
    public Seat seat() {
        return switch (this) {
            case ACCEPTED -> Seat.HELD;
            case CONFIRMED, AGREEMENT_SIGNED, COMPLETED -> Seat.CONSUMED;
            default -> Seat.NONE;
        };
    }

    public enum Seat {
        NONE, HELD, CONSUMED
    }

    /** SQL list of the states, for native queries: {@code ('A', 'B')}. */
    public static String sql(Set<ApplicationState> states) {
        return states.stream().map(s -> "'" + s.name() + "'").reduce((a, b) -> a + ", " + b)
                .map(s -> "(" + s + ")").orElse("('')");
    }
}
