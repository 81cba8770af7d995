package fr.tremplin.applications.api;

import fr.tremplin.common.web.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import fr.tremplin.applications.domain.Application;
import fr.tremplin.applications.domain.ApplicationState;
import fr.tremplin.applications.domain.Transition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A candidacy as its readers see it, with its full history (who, role, when, from, to, reason). */
public record ApplicationView(UUID id, UUID pupilId, String schoolUai, String classId, UUID offerId,
                              String offerTitle, UUID organisationId, String department, String ministryCode,
                              String week, LocalDate startsOn, String motivation, ApplicationState state,
                              String relayId, Instant submittedAt, Instant stateSince, Instant holdExpiresAt,
                              UUID redirectedTo, UUID redirectedFrom, UUID agreementId, String claimedBy,
                              Instant claimedUntil,
                              @Schema(description = "APPLICATION, or NOMINATION: a school nominated the pupil to a programme", enumeration = {"APPLICATION", "NOMINATION"}) String origin,
                              int version, List<Step> history) implements Versioned {

    @Schema(name = "ApplicationStep", description = "One transition of a candidacy: who (id and role), when, from, to, why")
    public record Step(String action, ApplicationState from, ApplicationState to, String actor, String role,
                       String reason, Instant at) {
        static Step of(Transition t) {
            return new Step(t.action, t.fromState, t.toState, t.actor, t.actorRole, t.reason, t.at);
        }
    }

    public static ApplicationView of(Application a, List<Transition> history) {
        return new ApplicationView(a.id, a.pupilId, a.schoolUai, a.classId, a.offerId, a.offerTitle,
                a.organisationId, a.department, a.ministryCode, a.week, a.startsOn, a.motivation, a.state, a.relayId,
                a.submittedAt, a.stateSince, a.holdExpiresAt, a.redirectedTo, a.redirectedFrom, a.agreementId,
                a.claimedBy, a.claimedUntil, a.origin, a.version, history.stream().map(Step::of).toList());
    }
}
