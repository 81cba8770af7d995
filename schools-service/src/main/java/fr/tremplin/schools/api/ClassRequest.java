package fr.tremplin.schools.api;

import fr.tremplin.common.calendar.SchoolCalendar;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new class: "3e B" for 2026-2027. */
public record ClassRequest(
        @NotBlank @Size(max = 40) String name,
        @NotBlank @Pattern(regexp = SchoolCalendar.SCHOOL_YEAR_PATTERN, message = "must look like 2026-2027") String schoolYear) {
}
