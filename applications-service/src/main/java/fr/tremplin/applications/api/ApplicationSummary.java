package fr.tremplin.applications.api;

import fr.tremplin.applications.domain.Application;
import fr.tremplin.applications.domain.ApplicationState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A candidacy in a list or a relay's queue (its history is in {@code GET /api/v1/applications/{id}}). */
public record ApplicationSummary(UUID id, UUID pupilId, String schoolUai, String schoolPriority, String classId,
                                 UUID offerId, String offerTitle, UUID organisationId, String department,
                                 String week, LocalDate startsOn, ApplicationState state, String relayId,
                                 Instant submittedAt, Instant stateSince, Instant holdExpiresAt, String claimedBy,
                                 Instant claimedUntil) {

    public static ApplicationSummary of(Application a) {
        return new ApplicationSummary(a.id, a.pupilId, a.schoolUai, a.schoolPriority, a.classId, a.offerId,
                a.offerTitle, a.organisationId, a.department, a.week, a.startsOn, a.state, a.relayId, a.submittedAt,
                a.stateSince, a.holdExpiresAt, a.claimedBy, a.claimedUntil);
    }
}
