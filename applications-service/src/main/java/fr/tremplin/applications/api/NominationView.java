package fr.tremplin.applications.api;

import fr.tremplin.applications.domain.ApplicationState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A nomination to a programme and the state of the candidacy it became. */
@Schema(name = "Nomination", description = "A nomination to a programme and the state of the candidacy it became")
public record NominationView(
        @Schema(description = "The candidacy (GET /api/v1/applications/{id})") UUID applicationId,
        UUID programmeId,
        UUID pupilId,
        String schoolUai,
        String week,
        @Schema(description = "F, M, or null when not given (or erased)", nullable = true) String gender,
        ApplicationState state,
        @Schema(description = "Who nominated (token sub)") String nominatedBy,
        @Schema(description = "principal or ripree") String nominatedByRole,
        Instant nominatedAt) {
}
