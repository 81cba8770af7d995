package fr.tremplin.schools.rest;

import fr.tremplin.schools.domain.StaffMembership;
import fr.tremplin.schools.domain.StaffRole;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Staff memberships: who holds which function in a school, known by the person id of their token. */
public final class StaffViews {

    private StaffViews() {
    }

    public record StaffView(UUID id, String uai, String personId, StaffRole role, List<UUID> classIds,
                            Instant createdAt) {
        public static StaffView of(StaffMembership membership) {
            return new StaffView(membership.id, membership.uai, membership.personId, membership.role,
                    List.copyOf(membership.classIds), membership.createdAt);
        }
    }

    /**
     * Records a function; for MAIN_TEACHER, the classes they lead (of this school). Posting the same person and
     * role again replaces the classes.
     */
    public record StaffRequest(
            @NotBlank @Size(max = 200) String personId,
            @NotNull StaffRole role,
            @Size(max = 20) List<@NotNull UUID> classIds) {
    }
}
