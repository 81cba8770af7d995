package fr.tremplin.schools.api;

import fr.tremplin.schools.domain.Priority;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A school as an admin registers it by hand (one the open data does not list, or a correction). The académie
 * follows from the département.
 */
public record SchoolRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String city,
        @Pattern(regexp = "^[0-9]{5}$", message = "must be 5 digits") String zipcode,
        @NotBlank @Size(max = 3) String department,
        @NotNull Priority priority,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude) {
}
