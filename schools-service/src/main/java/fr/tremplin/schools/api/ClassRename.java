package fr.tremplin.schools.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Renames a class; {@code version} (or If-Match) is the version edited. */
public record ClassRename(@NotBlank @Size(max = 40) String name, Integer version) {
}
