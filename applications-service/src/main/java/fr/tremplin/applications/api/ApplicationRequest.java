package fr.tremplin.applications.api;

import fr.tremplin.common.calendar.SchoolCalendar;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * A candidacy: one offer, one of its weeks, the pupil's motivation. A pupil applies for themself (their token's
 * {@code sub}); a principal or main teacher names the pupil in {@code pupilId}.
 */
public record ApplicationRequest(
        @NotNull UUID offerId,
        @NotNull @Pattern(regexp = SchoolCalendar.WEEK_PATTERN, message = "must be an ISO week such as 2028-W05") String week,
        @NotBlank @Size(max = 2000, message = "must be at most 2000 characters") String motivation,
        UUID pupilId) {
}
