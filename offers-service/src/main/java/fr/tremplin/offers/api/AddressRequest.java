package fr.tremplin.offers.api;

import fr.tremplin.common.territory.DepartmentCode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Where the internship takes place; coordinates in WGS84 (France, overseas included); the département in the
 * platform's canonical form ({@link DepartmentCode}: {@code 01}, {@code 2A}, {@code 974}).
 */
public record AddressRequest(
        @Size(max = 200) String street,
        @NotBlank @Pattern(regexp = "^[0-9]{5}$", message = "must be 5 digits") String zipcode,
        @NotBlank @Size(max = 100) String city,
        @NotBlank @Pattern(regexp = DepartmentCode.PATTERN, message = DepartmentCode.MESSAGE) String department,
        @Size(max = 100) String academy,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
}
