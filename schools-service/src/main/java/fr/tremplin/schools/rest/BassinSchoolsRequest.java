package fr.tremplin.schools.rest;

import fr.tremplin.schools.domain.Uai;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Schools to place in a bassin (a school belongs to one bassin at most: it moves). */
public record BassinSchoolsRequest(
        @NotEmpty @Size(max = 500) List<@NotNull @Pattern(regexp = Uai.PATTERN,
                message = "must be a UAI: 7 digits and a capital letter") String> uais) {
}
