package fr.tremplin.applications.api;

import fr.tremplin.common.calendar.SchoolCalendar;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** A relay proposes another offer (and week) instead: a new candidacy is created for it, linked to this one. */
public record RedirectRequest(
        @NotNull UUID offerId,
        @NotNull @Pattern(regexp = SchoolCalendar.WEEK_PATTERN, message = "must be an ISO week such as 2028-W05") String week,
        @Size(max = 500, message = "must be at most 500 characters") String reason) {
}
