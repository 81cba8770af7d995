package fr.tremplin.applications.api;

import fr.tremplin.applications.domain.document.DailyHours;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.DayOfWeek;

/** One day of presence of the agreement's week, as the host gives it and the agreement shows it. */
@Schema(name = "AgreementDay", description = "One day of presence: from start to end (HH:MM, Paris time), with a break")
public record AgreementDay(
        @Schema(description = "MONDAY to FRIDAY", example = "MONDAY") @NotNull DayOfWeek day,
        @Schema(description = "Arrival, HH:MM, not before 06:00", example = "09:00")
        @NotNull @Pattern(regexp = TIME, message = TIME_MESSAGE) String start,
        @Schema(description = "Departure, HH:MM, not after 20:00", example = "17:00")
        @NotNull @Pattern(regexp = TIME, message = TIME_MESSAGE) String end,
        @Schema(description = "Minutes of break (0 to 240); at least 30 over 4 h 30 of presence", example = "60")
        @NotNull @Min(0) @Max(240) Integer breakMinutes) {

    static final String TIME = "([01]\\d|2[0-3]):[0-5]\\d";
    static final String TIME_MESSAGE = "must be a time of day, HH:MM";

    public static AgreementDay of(DailyHours hours) {
        return new AgreementDay(hours.day(), hours.start().toString(), hours.end().toString(), hours.breakMinutes());
    }
}
