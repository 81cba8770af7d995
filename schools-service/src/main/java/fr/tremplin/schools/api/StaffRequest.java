package fr.tremplin.schools.api;

import fr.tremplin.schools.domain.StaffRole;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * Records a function; for MAIN_TEACHER, the classes they lead (of this school). Posting the same person and
 * role again replaces the classes.
 */
public record StaffRequest(
        @NotBlank @Size(max = 200) String personId,
        @NotNull StaffRole role,
        @Size(max = 20) List<@NotNull UUID> classIds) {
}
