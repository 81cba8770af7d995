package fr.tremplin.schools.api;

import fr.tremplin.schools.domain.Gender;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** Corrects a pupil or moves them to another class of the same school and year; {@code version} or If-Match. */
public record PupilUpdate(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        Gender gender,
        UUID classId,
        Integer version) {
}
