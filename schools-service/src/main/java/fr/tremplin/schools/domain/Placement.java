package fr.tremplin.schools.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.Collection;
import java.util.Set;

/**
 * Where a pupil stands in finding an internship, derived from the last known state of each of their candidacies
 * (applications-service's states, docs/ARCHITECTURE.md §4). The most advanced candidacy wins: COMPLETED, then CONFIRMED
 * (confirmed or agreement signed), then ACCEPTED, then APPLIED (submitted, forwarded or redirected, still open);
 * rejected, cancelled and expired candidacies count for nothing.
 */
@Schema(name = "PupilPlacement")
public enum Placement {
    NO_APPLICATION, APPLIED, ACCEPTED, CONFIRMED, COMPLETED;

    private static final Set<String> OPEN = Set.of("SUBMITTED", "FORWARDED", "REDIRECTED");
    private static final Set<String> CONFIRMED_STATES = Set.of("CONFIRMED", "AGREEMENT_SIGNED");

    public static Placement derive(Collection<String> candidacyStates) {
        Placement best = NO_APPLICATION;
        for (String state : candidacyStates) {
            Placement placement = of(state);
            if (placement.ordinal() > best.ordinal()) {
                best = placement;
            }
        }
        return best;
    }

    static Placement of(String candidacyState) {
        if ("COMPLETED".equals(candidacyState)) {
            return COMPLETED;
        }
        if (CONFIRMED_STATES.contains(candidacyState)) {
            return CONFIRMED;
        }
        if ("ACCEPTED".equals(candidacyState)) {
            return ACCEPTED;
        }
        return OPEN.contains(candidacyState) ? APPLIED : NO_APPLICATION;
    }

    /** Placed: an internship is secured. The others are "without a placement". */
    public boolean placed() {
        return this == CONFIRMED || this == COMPLETED;
    }
}
