package fr.tremplin.applications.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A relay and the départements it covers (one relay per département). */
public record RelayRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Size(max = 120) List<@NotNull @Pattern(regexp = RelayRequest.DEPARTMENT,
                message = "must be a département code such as 01, 2A, 59 or 974") String> departments) {

    public static final String DEPARTMENT = "^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$";
}
