package fr.tremplin.offers.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record OrganisationRequest(
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = "^[0-9]{14}$", message = "must be 14 digits") String siret,
        @NotNull Boolean publicSector,
        @Size(max = 16) String ministryCode,
        @Size(max = 200) String street,
        @Pattern(regexp = "^[0-9]{5}$", message = "must be 5 digits") String zipcode,
        @Size(max = 100) String city) {
}
