package fr.tremplin.applications.api;

import fr.tremplin.common.calendar.SchoolCalendar;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** A school nominates one of its pupils to one week of a programme. */
@Schema(name = "NominationRequest", description = "A pupil of the caller's school, a week of the programme, and optionally the pupil's gender")
public record NominationRequest(
        @Schema(description = "The pupil (of the caller's school)") @NotNull UUID pupilId,
        @Schema(description = "An ISO week of the programme, e.g. 2028-W05") @NotNull
        @Pattern(regexp = SchoolCalendar.WEEK_PATTERN, message = "must be an ISO week such as 2028-W05") String week,
        @Schema(description = "Optional, F or M: only used to balance the groups; stored on the nomination only, never in events, erased with the pupil",
                enumeration = {"F", "M"}, nullable = true)
        @Pattern(regexp = "F|M", message = "must be F or M (or absent)") String gender) {
}
