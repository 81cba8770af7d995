package fr.tremplin.schools.service;

import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.schools.domain.Academy;
import fr.tremplin.schools.domain.Bassin;
import fr.tremplin.common.territory.DepartmentCode;
import fr.tremplin.schools.domain.Pupil;
import fr.tremplin.schools.domain.School;
import fr.tremplin.schools.domain.SchoolClass;
import fr.tremplin.schools.domain.StaffMembership;
import fr.tremplin.schools.domain.StaffRole;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who sees and changes what in schools-service: the whole matrix is here, the services only ask.
 *
 * <pre>
 * caller (token role + claims)        | school's staff, classes,    | pupils (names, placement)           | territory aggregates
 *                                     | weeks, 3e count             |                                     | (no names)
 * ------------------------------------+-----------------------------+-------------------------------------+---------------------
 * admin                               | manage all                  | read, change, erase all             | all
 * principal (school = S)              | manage S                    | read, change, erase every pupil of S| S's own summary
 * main-teacher (school = S)           | read S                      | read and change those of the classes| S's own summary
 *                                     |                             | they lead (classes claim, and the   |
 *                                     |                             | classes of their MAIN_TEACHER       |
 *                                     |                             | membership in S); nothing else      |
 * ripree, teacher (school = S)        | read S                      | read every pupil of S, change none  | S's own summary
 * territory (departments / academy /  | -                           | never a name: bassin lists without  | schools of their
 *   bassin)                           |                             | names for the bassins they cover    | territory
 * pupil (sub = pupil id)              | -                           | their own record, read only         | -
 * </pre>
 *
 * Schools, territory and bassins are public reference data. A pupil record outside the caller's reach answers 404
 * (its existence is personal data); a pupil the caller may read but not change answers 403, and so does every
 * school-level refusal (a school's existence is public).
 */
public final class SchoolAccess {

    private static final List<String> STAFF_ROLES = List.of(Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE,
            Roles.TEACHER);

    private final Caller caller;
    private final Set<UUID> ledClasses;

    /** @param ledClasses the classes a main teacher leads: their {@code classes} claim and their memberships */
    SchoolAccess(Caller caller, Set<UUID> ledClasses) {
        this.caller = caller;
        this.ledClasses = ledClasses;
    }

    /**
     * What the caller may see and change. A main teacher's classes are the union of the {@code classes} claim of
     * their token and the classes their MAIN_TEACHER membership in their school leads (recorded by the principal);
     * either is enough, and neither reaches outside the school of their {@code school} claim.
     */
    public static SchoolAccess of(Caller caller) {
        if (!caller.is(Roles.MAIN_TEACHER)) {
            return new SchoolAccess(caller, Set.of());
        }
        Set<UUID> led = new HashSet<>();
        for (String claimed : caller.classes()) {
            classId(claimed).ifPresent(led::add);
        }
        caller.school().ifPresent(uai -> StaffMembership.<StaffMembership>find(
                        "uai = ?1 and personId = ?2 and role = ?3", uai, caller.id(), StaffRole.MAIN_TEACHER)
                .firstResultOptional()
                .ifPresent(membership -> led.addAll(membership.classIds)));
        return new SchoolAccess(caller, Set.copyOf(led));
    }

    private static Optional<UUID> classId(String claimed) {
        try {
            return Optional.of(UUID.fromString(claimed));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a claim naming no class of ours leads nothing
        }
    }

    public boolean isAdmin() {
        return caller.is(Roles.ADMIN);
    }

    /** The school of a staff member's token. */
    public Optional<String> staffSchool() {
        return STAFF_ROLES.stream().anyMatch(caller::is) ? caller.school() : Optional.empty();
    }

    private boolean hasRoleIn(String role, String uai) {
        return caller.is(role) && caller.school().map(uai::equals).orElse(false);
    }

    public boolean isStaffOf(String uai) {
        return STAFF_ROLES.stream().anyMatch(role -> hasRoleIn(role, uai));
    }

    /** Staff, classes, weeks, the 3e count and every pupil: the principal's (and admins') business. */
    public boolean canManageSchool(String uai) {
        return isAdmin() || hasRoleIn(Roles.PRINCIPAL, uai);
    }

    /** The school's classes and staff list: any staff member of the school. */
    public boolean canReadSchoolOrganisation(String uai) {
        return isAdmin() || isStaffOf(uai);
    }

    /** Every pupil of the school, with names and placement (not a main teacher: only their classes). */
    public boolean canReadAllPupilsOf(String uai) {
        return isAdmin() || hasRoleIn(Roles.PRINCIPAL, uai) || hasRoleIn(Roles.RIPREE, uai)
                || hasRoleIn(Roles.TEACHER, uai);
    }

    /** A main teacher of this school who leads at least one class reads the pupils of those. */
    public boolean readsOnlyLedClassesOf(String uai) {
        return !canReadAllPupilsOf(uai) && hasRoleIn(Roles.MAIN_TEACHER, uai);
    }

    public boolean leads(SchoolClass schoolClass) {
        return hasRoleIn(Roles.MAIN_TEACHER, schoolClass.uai) && ledClasses.contains(schoolClass.id);
    }

    public Set<UUID> ledClasses() {
        return ledClasses;
    }

    public boolean canReadPupilsOf(SchoolClass schoolClass) {
        return canReadAllPupilsOf(schoolClass.uai) || leads(schoolClass);
    }

    /** Create, edit, move pupils of the class and upload its list. */
    public boolean canManagePupilsOf(SchoolClass schoolClass) {
        return canManageSchool(schoolClass.uai) || leads(schoolClass);
    }

    public boolean isThePupil(Pupil pupil) {
        return caller.is(Roles.PUPIL) && pupil.id.toString().equals(caller.id());
    }

    public boolean canRead(Pupil pupil, SchoolClass schoolClass) {
        return isThePupil(pupil) || canReadPupilsOf(schoolClass);
    }

    /** Erasure (GDPR): the principal of the pupil's school, or an admin. */
    public boolean canErase(Pupil pupil) {
        return canManageSchool(pupil.uai);
    }

    /** A territorial referent's schools: those of their départements, académie or bassin. */
    public boolean covers(School school) {
        if (isAdmin()) {
            return true;
        }
        if (!caller.is(Roles.TERRITORY)) {
            return false;
        }
        return departments().contains(school.departmentCode)
                || academy().map(school.academyCode::equals).orElse(false)
                || (school.bassinId != null && caller.bassin().map(school.bassinId::equals).orElse(false));
    }

    /** The bassins a territorial referent watches: their own, or those of their académie or départements. */
    public boolean covers(Bassin bassin) {
        if (isAdmin()) {
            return true;
        }
        if (!caller.is(Roles.TERRITORY)) {
            return false;
        }
        return caller.bassin().map(bassin.id::equals).orElse(false)
                || academy().map(bassin.academyCode::equals).orElse(false)
                || (bassin.departmentCode != null && departments().contains(bassin.departmentCode));
    }

    /** A school's placement figures: its own staff, the territory covering it, admins. */
    public boolean canReadFiguresOf(School school) {
        return isStaffOf(school.uai) || covers(school);
    }

    public boolean isTerritoryReferent() {
        return caller.is(Roles.TERRITORY) && !isAdmin();
    }

    /** A territorial referent's territory, as claims normalised to codes. */
    public List<String> departments() {
        return caller.departments().stream().map(DepartmentCode::normalise).flatMap(Optional::stream).toList();
    }

    public Optional<String> academy() {
        return caller.academy().map(Academy::codeOf);
    }

    public Optional<String> bassin() {
        return caller.bassin();
    }
}
