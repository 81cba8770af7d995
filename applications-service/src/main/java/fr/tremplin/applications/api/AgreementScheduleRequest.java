package fr.tremplin.applications.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The week as the host organises it: the hours of each day of presence (Monday to Friday, within what a pupil under
 * 15 may do: 06:00–20:00, 7 h a day, a break of 30 minutes over 4 h 30) and the activities planned.
 */
public record AgreementScheduleRequest(@NotNull @Size(min = 1, max = 5) List<@NotNull @Valid AgreementDay> dailyHours,
                                       @NotBlank @Size(max = 2000) String activities) {
}
