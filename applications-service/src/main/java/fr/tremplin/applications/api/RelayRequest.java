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
        @NotNull @Size(max = 120) List<@NotNull @Pattern(regexp = RelayRequest.DEPARTMENT,
                message = DepartmentCode.MESSAGE) String> departments) {

    /**
     * {@link DepartmentCode#PATTERN} with the départements 21 to 29 it leaves out (it has {@code 1[0-9]} then
     * {@code [3-8][0-9]}: Côte-d'Or … Finistère would be refused). Workaround until tremplin-common's pattern is
     * fixed; then use {@code DepartmentCode.PATTERN} here.
     */
    static final String DEPARTMENT = "^(0[1-9]|1[0-9]|2[1-9]|[3-8][0-9]|9[0-5]|2A|2B|97[1-6])$";
}
