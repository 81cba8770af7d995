package fr.tremplin.applications.service;

import fr.tremplin.applications.domain.Action;
import fr.tremplin.applications.domain.Application;
import fr.tremplin.applications.domain.CandidacyLifecycle;
import fr.tremplin.applications.domain.ClassTeacherCopy;
import fr.tremplin.applications.repository.ApplicationRepository.Scope;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import io.quarkus.panache.common.Parameters;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who is in scope for a candidacy, per role (docs/ARCHITECTURE.md §1): a pupil their own; a principal, RIPREE or teacher their
 * school's; a main teacher their classes' ({@link #ledClasses}: claim or membership); a host those forwarded to its
 * organisation; a relay those of its territory (assigned to it); a ministry referent its ministry's offers'; a territorial referent its départements'
 * (offer's or school's); an admin all. Which transitions each role may make is {@link CandidacyLifecycle}'s business.
 */
public final class ApplicationAccess {

    /** The order in which a caller's roles are tried (a principal who is also a main teacher acts as principal). */
    private static final List<String> ORDER = List.of(Roles.ADMIN, Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE,
            Roles.TEACHER, Roles.HOST, Roles.RELAY, Roles.MINISTRY, Roles.TERRITORY, Roles.PUPIL);

    private ApplicationAccess() {
    }

    public static boolean inScope(Caller caller, String role, Application application) {
        if (!caller.is(role)) {
            return false;
        }
        return switch (role) {
            case Roles.ADMIN -> true;
            case Roles.PUPIL -> application.pupilId.toString().equals(caller.id());
            case Roles.PRINCIPAL, Roles.RIPREE, Roles.TEACHER ->
                    caller.school().map(application.schoolUai::equals).orElse(false);
            case Roles.MAIN_TEACHER -> caller.school().map(application.schoolUai::equals).orElse(false)
                    && application.classId != null && ledClasses(caller).contains(application.classId);
            case Roles.HOST -> application.forwardedAt != null && caller.isHostOf(application.organisationId);
            case Roles.RELAY -> application.relayId != null
                    && caller.relay().map(application.relayId::equals).orElse(false);
            case Roles.MINISTRY -> application.ministryCode != null
                    && caller.ministry().map(application.ministryCode::equals).orElse(false);
            case Roles.TERRITORY -> caller.departments().contains(application.department)
                    || caller.departments().contains(application.schoolDepartment);
            default -> false;
        };
    }

    public static boolean canRead(Caller caller, Application application) {
        return ORDER.stream().anyMatch(role -> inScope(caller, role, application));
    }

    /** 403 unless the caller has a role that may do this action at all (whatever the candidacy's state). */
    public static void requireActionRole(Caller caller, Action action) {
        Set<String> allowed = CandidacyLifecycle.rolesFor(action);
        if (ORDER.stream().noneMatch(role -> caller.is(role) && allowed.contains(role))) {
            throw ProblemException.forbidden("your role cannot " + action.label() + " a candidacy");
        }
    }

    /**
     * The caller's roles that may do this action and are in scope for this candidacy, in {@link #ORDER}; 403 when
     * none (the candidacy is not theirs).
     */
    public static List<String> actingRoles(Caller caller, Action action, Application application) {
        Set<String> allowed = CandidacyLifecycle.rolesFor(action);
        List<String> roles = new ArrayList<>();
        for (String role : ORDER) {
            if (allowed.contains(role) && inScope(caller, role, application)) {
                roles.add(role);
            }
        }
        if (roles.isEmpty()) {
            throw ProblemException.forbidden("this candidacy is outside your scope");
        }
        return roles;
    }

    /** The list condition for the caller's widest role; 403 when the token lacks the claim the role needs. */
    public static Scope listScope(Caller caller) {
        for (String role : ORDER) {
            if (!caller.is(role)) {
                continue;
            }
            Parameters p = new Parameters();
            switch (role) {
                case Roles.ADMIN:
                    return Scope.all();
                case Roles.PRINCIPAL, Roles.RIPREE, Roles.TEACHER:
                    return new Scope("schoolUai = :school", p.and("school", caller.require(caller.school(), "school")));
                case Roles.MAIN_TEACHER:
                    Set<String> classes = ledClasses(caller);
                    if (classes.isEmpty()) {
                        throw ProblemException.forbidden("you lead no class: your token carries no 'classes' claim "
                                + "and your school recorded none for you");
                    }
                    return new Scope("schoolUai = :school and classId in :classes",
                            p.and("school", caller.require(caller.school(), "school")).and("classes", classes));
                case Roles.HOST:
                    return new Scope("organisationId = :organisation and forwardedAt is not null",
                            p.and("organisation", uuid(caller.require(caller.organisation(), "organisation"), "organisation")));
                case Roles.RELAY:
                    return new Scope("relayId = :relay", p.and("relay", caller.require(caller.relay(), "relay")));
                case Roles.MINISTRY:
                    return new Scope("ministryCode = :ministry",
                            p.and("ministry", caller.require(caller.ministry(), "ministry")));
                case Roles.TERRITORY:
                    List<String> departments = caller.departments();
                    if (departments.isEmpty()) {
                        throw ProblemException.forbidden("your token carries no 'departments' claim");
                    }
                    return new Scope("(department in :departments or schoolDepartment in :departments)",
                            p.and("departments", departments));
                case Roles.PUPIL:
                    return new Scope("pupilId = :pupil", p.and("pupil", pupilId(caller)));
                default:
                    break;
            }
        }
        throw ProblemException.forbidden("your role does not give access to candidacies");
    }

    /**
     * A main teacher's classes (docs/ARCHITECTURE.md §1, "claim or membership"): their token's {@code classes} claim
     * and the classes their principal recorded them leading in their token's {@code school}, as schools-service
     * published it ({@link ClassTeacherCopy}). Either is enough.
     */
    public static Set<String> ledClasses(Caller caller) {
        Set<String> led = new HashSet<>(caller.classes());
        caller.school().ifPresent(uai -> led.addAll(ClassTeacherCopy.classesLedBy(uai, caller.id())));
        return led;
    }

    /** A pupil's token names the pupil in its {@code sub}. */
    public static UUID pupilId(Caller caller) {
        return uuid(caller.id(), "sub");
    }

    static UUID uuid(String value, String claim) {
        try {
            return UUID.fromString(Objects.requireNonNull(value));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.forbidden("the token's '" + claim + "' claim is not an id");
        }
    }
}
