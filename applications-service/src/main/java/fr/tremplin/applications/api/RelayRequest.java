package fr.tremplin.applications.api;

import fr.tremplin.common.territory.DepartmentCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A relay and the départements it covers (one relay per département), in the platform's canonical codes
 * (docs/ARCHITECTURE.md §6, {@link DepartmentCode}: {@code 2A}, {@code 2B}, never {@code 20} nor {@code 02B}).
 */
public record RelayRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Size(max = 120) List<@NotNull @Pattern(regexp = DepartmentCode.PATTERN,
                message = DepartmentCode.MESSAGE) String> departments) {
}
