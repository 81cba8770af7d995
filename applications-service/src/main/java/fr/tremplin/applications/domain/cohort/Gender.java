package fr.tremplin.applications.domain.cohort;

/** A pupil's gender as the school gave it at nomination; {@link #UNKNOWN} when not given: it counts as neither. */
public enum Gender {
    F, M, UNKNOWN;

    /** +1 for F, -1 for M, 0 for unknown: a group's balance is the sum over its members. */
    int sign() {
        return switch (this) {
            case F -> 1;
            case M -> -1;
            case UNKNOWN -> 0;
        };
    }
}
