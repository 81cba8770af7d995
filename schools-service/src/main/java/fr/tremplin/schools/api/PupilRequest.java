package fr.tremplin.schools.api;

import fr.tremplin.schools.domain.Gender;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new pupil of the class: names as the school writes them, gender optional (F, M or X). */
public record PupilRequest(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        Gender gender) {
}
