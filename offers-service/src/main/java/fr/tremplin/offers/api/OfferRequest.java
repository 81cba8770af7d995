package fr.tremplin.offers.api;

import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.offers.domain.Reservation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * An offer as a host, an operator or an admin writes it. {@code organisationId} is taken from a host's token;
 * an operator describes the organisation inline instead ({@code organisation}).
 */
public record OfferRequest(
        @NotBlank @Size(max = 150) String title,
        @NotBlank @Size(max = 2000) String description,
        @NotBlank @Size(max = 64) String sectorId,
        UUID organisationId,
        @Valid OrganisationRequest organisation,
        @NotNull Boolean publicSector,
        @Size(max = 16) String ministryCode,
        @NotNull @Valid AddressRequest address,
        @NotNull @Pattern(regexp = SchoolCalendar.SCHOOL_YEAR_PATTERN, message = "must look like 2026-2027") String schoolYear,
        @NotEmpty @Size(max = 40) List<@NotNull @Pattern(regexp = SchoolCalendar.WEEK_PATTERN,
                message = "must be an ISO week such as 2027-W05") String> weeks,
        @NotNull @Min(1) @Max(1000) Integer capacityPerWeek,
        @Min(1) @Max(1000) Integer maxGroupSize,
        Reservation reservation,
        @Pattern(regexp = "^[0-9]{7}[A-Z]$", message = "must be a UAI: 7 digits and a capital letter") String reservedSchoolUai,
        /** For operators: publish at once (default true). Hosts publish with {@code POST /offers/{id}/publish}. */
        Boolean published,
        /** Optimistic concurrency for updates, when no {@code If-Match} header is sent. */
        Integer version) {
}
