package fr.tremplin.schools.api;

import fr.tremplin.schools.domain.StaffMembership;
import fr.tremplin.schools.domain.StaffRole;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A staff membership: who holds which function in a school, known by the person id of their token. */
public record StaffView(UUID id, String uai, String personId, StaffRole role, List<UUID> classIds,
                        Instant createdAt) {
    public static StaffView of(StaffMembership membership) {
        return new StaffView(membership.id, membership.uai, membership.personId, membership.role,
                List.copyOf(membership.classIds), membership.createdAt);
    }
}
