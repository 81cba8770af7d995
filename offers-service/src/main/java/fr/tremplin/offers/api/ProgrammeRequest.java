package fr.tremplin.offers.api;

import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.offers.api.ProgrammeDefinition.Day;
import fr.tremplin.offers.api.ProgrammeDefinition.Service;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * A collective programme as its host (or an admin) writes it: the offer's fields ({@code seatsPerWeek} becomes the
 * offer's {@code capacityPerWeek}) and the programme's definition. {@code weights} default to 1.5 / 1.2 / 1.0,
 * {@code groupSize} to 5, {@code minimumOneSeatPerSchool} to false.
 */
@Schema(name = "ProgrammeRequest")
public record ProgrammeRequest(
        @NotBlank @Size(max = 150) String title,
        @NotBlank @Size(max = 2000) String description,
        @NotBlank @Size(max = 64) String sectorId,
        UUID organisationId,
        @NotNull Boolean publicSector,
        @Size(max = 16) String ministryCode,
        @NotNull @Valid AddressRequest address,
        @NotNull @Pattern(regexp = SchoolCalendar.SCHOOL_YEAR_PATTERN, message = "must look like 2026-2027") String schoolYear,
        @NotEmpty @Size(max = 40) List<@NotNull @Pattern(regexp = SchoolCalendar.WEEK_PATTERN,
                message = "must be an ISO week such as 2027-W05") String> weeks,
        @NotNull @Min(1) @Max(1000) Integer seatsPerWeek,
        @NotNull @Valid ProgrammeDefinition.Territory territory,
        @Valid ProgrammeDefinition.Weights weights,
        Boolean minimumOneSeatPerSchool,
        @Min(4) @Max(6) Integer groupSize,
        @NotNull @Size(min = 3, max = 40, message = "must list 3 to 40 services") List<@NotNull @Valid Service> services,
        @NotNull @Size(min = 5, max = 5, message = "must describe the 5 days of the week") List<@NotNull @Valid Day> dayPlan,
        /** Optimistic concurrency for updates, when no {@code If-Match} header is sent. */
        Integer version) {
}
