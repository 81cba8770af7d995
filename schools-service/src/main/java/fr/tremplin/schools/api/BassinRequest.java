package fr.tremplin.schools.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A bassin (pôle de stages) as an admin describes it. {@code academy} is an académie code or name;
 * {@code department} is optional (a bassin may straddle two); {@code coordinatorId} is the coordinator's person id.
 */
public record BassinRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 60) String academy,
        @Size(max = 3) String department,
        @Size(max = 200) String coordinatorId) {
}
