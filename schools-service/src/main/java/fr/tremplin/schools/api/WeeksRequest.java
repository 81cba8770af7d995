package fr.tremplin.schools.api;

import fr.tremplin.common.calendar.SchoolCalendar;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The internship weeks a school declares for its 3e classes, for one school year (replaces the previous list). */
public record WeeksRequest(
        @NotNull @Pattern(regexp = SchoolCalendar.SCHOOL_YEAR_PATTERN, message = "must look like 2026-2027") String schoolYear,
        @NotNull @Size(max = 10) List<@NotNull @Pattern(regexp = SchoolCalendar.WEEK_PATTERN,
                message = "must be an ISO week such as 2027-W05") String> weeks) {
}
