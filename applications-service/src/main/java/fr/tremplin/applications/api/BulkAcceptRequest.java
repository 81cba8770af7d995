package fr.tremplin.applications.api;

import fr.tremplin.common.calendar.SchoolCalendar;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The host accepts every FORWARDED nomination of one week of its programme. */
@Schema(name = "BulkAcceptRequest", description = "The week whose FORWARDED nominations the host accepts")
public record BulkAcceptRequest(
        @Schema(description = "An ISO week of the programme, e.g. 2028-W05") @NotNull
        @Pattern(regexp = SchoolCalendar.WEEK_PATTERN, message = "must be an ISO week such as 2028-W05") String week) {
}
