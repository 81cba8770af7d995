package fr.tremplin.applications.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A programme's seats per school: the total, the method's settings, and every school of the territory. */
@Schema(name = "ProgrammeAllocation", description = "A programme's seats per school, with how each was computed")
public record AllocationView(
        @Schema(description = "The programme (its offer id)") UUID programmeId,
        String schoolYear,
        @Schema(description = "seatsPerWeek x weeks, all given to schools") int totalSeats,
        @Schema(description = "The programme's open weeks") int weeks,
        @Schema(description = "The offer's capacity per week") int seatsPerWeek,
        @Schema(description = "Weights per priority: REP_PLUS, REP, NONE") Weights weights,
        boolean minimumOneSeatPerSchool,
        @Schema(description = "Who computed it (token sub)") String computedBy,
        Instant computedAt,
        @Schema(description = "One more at each recomputation or decline") int version,
        @Schema(description = "Every school of the territory, in UAI order; those that declared no 3e count are listed as not counted") List<SchoolSeatsView> schools) {

    @Schema(name = "ProgrammeWeights", description = "The weight of each priority")
    public record Weights(BigDecimal repPlus, BigDecimal rep, BigDecimal none) {
    }
}
