package fr.tremplin.schools.service;

import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.schools.domain.StaffMembership;
import fr.tremplin.schools.domain.StaffRole;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Builds a caller's {@link SchoolScope}. A main teacher's classes are the union of the {@code classes} claim of
 * their token and the classes their MAIN_TEACHER membership in their school leads (recorded by the principal);
 * either is enough, and neither reaches outside the school of their {@code school} claim.
 */
@ApplicationScoped
public class SchoolScopes {

    public SchoolScope of(Caller caller) {
        if (!caller.is(Roles.MAIN_TEACHER)) {
            return new SchoolScope(caller, Set.of());
        }
        Set<UUID> led = new HashSet<>();
        for (String claimed : caller.classes()) {
            parse(claimed).ifPresent(led::add);
        }
        caller.school().ifPresent(uai -> StaffMembership.<StaffMembership>find(
                        "uai = ?1 and personId = ?2 and role = ?3", uai, caller.id(), StaffRole.MAIN_TEACHER)
                .firstResultOptional()
                .ifPresent(membership -> led.addAll(membership.classIds)));
        return new SchoolScope(caller, Set.copyOf(led));
    }

    private static Optional<UUID> parse(String classId) {
        try {
            return Optional.of(UUID.fromString(classId));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a claim naming no class of ours leads nothing
        }
    }
}
