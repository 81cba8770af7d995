package fr.tremplin.applications.service;

import fr.tremplin.applications.domain.OfferCopy;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;

import java.util.function.Predicate;

/**
 * Who may do what with a programme's seats and nominations (issue 13). The programme is an offer of kind PROGRAMME;
 * its host is the offer's organisation. A role absent from a line is refused (403); a caller with the role but out
 * of scope too (403: the programme itself is public, being a published offer).
 *
 * <pre>
 * route (/api/v1/programmes/{id}/...)     admin  host (its org.)  ministry (its code)  territory (its dépts)  principal        ripree
 * POST allocation                         yes    yes              -                    -                     -                -
 * GET  allocation                         yes    yes              yes                  yes                   -                -
 * GET  allocation/schools/{uai}           yes    yes              yes                  yes                   its school       its school
 * POST allocation/schools/{uai}/decline   -      -                -                    -                     its school       -
 * POST nominations                        -      -                -                    -                     its pupils       its pupils
 * GET  nominations                        yes    yes              -                    -                     its school's     its school's
 * POST nominations/accept                 -      yes              -                    -                     -                -
 * POST weeks/{week}/plan                  yes    yes              -                    -                     -                -
 * GET  weeks/{week}/plan                  yes    yes              -                    -                     masked (1)       masked (1)
 * POST tutors, PUT/DELETE tutors/{id}     yes    yes              -                    -                     -                -
 * GET  tutors                             yes    yes              -                    -                     -                -
 * GET  bilan                              yes    yes              yes                  -                     -                -
 * </pre>
 * (1) masked: the principal or RIPREE of a school that has seats in the programme (more than 0, not declined) sees
 * the whole plan (groups, schools, gender counts, rotations, tutors) but the candidacy ids of their own school's
 * pupils only; the other members are shown by their school's UAI. A school without seats: 403.
 * A territorial referent reads a programme whose département (the offer's) is one of theirs. Every other role
 * (pupil, teacher, main teacher, relay, operator) is refused everywhere: a pupil does not apply to a programme, their
 * school nominates them.
 */
public final class ProgrammeAccess {

    private ProgrammeAccess() {
    }

    /** Computes the allocation: the host of the programme's organisation, or an admin. */
    public static void requireManage(Caller caller, OfferCopy programme) {
        if (caller.is(Roles.ADMIN) || caller.isHostOf(programme.organisationId)) {
            return;
        }
        throw ProblemException.forbidden(caller.is(Roles.HOST) ? "this programme is another organisation's"
                : "only the programme's host or an admin allocates its seats");
    }

    /** Plans a week, manages the tutors: the host of the programme's organisation, or an admin. */
    public static void requireOrganise(Caller caller, OfferCopy programme) {
        if (caller.is(Roles.ADMIN) || caller.isHostOf(programme.organisationId)) {
            return;
        }
        throw ProblemException.forbidden(caller.is(Roles.HOST) ? "this programme is another organisation's"
                : "only the programme's host or an admin plans its weeks and manages its tutors");
    }

    /**
     * Who reads a week's plan, and how much: null for all of it (admin, host), the caller's school for a principal or
     * RIPREE of a school with seats (only their own pupils' candidacy ids); 403 for anyone else.
     */
    public static String planScope(Caller caller, OfferCopy programme, Predicate<String> schoolHasSeats) {
        if (caller.is(Roles.ADMIN) || caller.isHostOf(programme.organisationId)) {
            return null;
        }
        if (caller.is(Roles.PRINCIPAL) || caller.is(Roles.RIPREE)) {
            String own = caller.require(caller.school(), "school");
            if (schoolHasSeats.test(own)) {
                return own;
            }
            throw ProblemException.forbidden("your school has no seat in this programme");
        }
        throw ProblemException.forbidden(caller.is(Roles.HOST) ? "this programme is another organisation's"
                : "a week's plan is for the programme's host, the staff of its schools with seats, and admins");
    }

    /** Reads the bilan: admin, the host of the programme's organisation, the referent of the programme's ministry. */
    public static void requireBilan(Caller caller, OfferCopy programme) {
        if (caller.is(Roles.ADMIN) || caller.isHostOf(programme.organisationId) || (caller.is(Roles.MINISTRY)
                && programme.ministryCode != null && caller.ministry().map(programme.ministryCode::equals).orElse(false))) {
            return;
        }
        throw ProblemException.forbidden("the bilan is for the programme's host, its ministry referent and admins");
    }

    /** Accepts nominations: the host of the programme's organisation only. */
    public static void requireHost(Caller caller, OfferCopy programme) {
        if (!caller.isHostOf(programme.organisationId)) {
            throw ProblemException.forbidden(caller.is(Roles.HOST) ? "this programme is another organisation's"
                    : "only the programme's host accepts its nominations");
        }
    }

    /** Reads every school's line: admin, host, the programme's ministry referent or territorial referent. */
    public static void requireReadAll(Caller caller, OfferCopy programme) {
        if (caller.is(Roles.ADMIN) || caller.isHostOf(programme.organisationId) || isReader(caller, programme)) {
            return;
        }
        throw ProblemException.forbidden("the whole allocation is for the programme's host, its ministry or "
                + "territorial referents and admins; a school sees its own line");
    }

    /** Reads one school's line: as {@link #requireReadAll}, or that school's principal or RIPREE. */
    public static void requireReadSchool(Caller caller, OfferCopy programme, String uai) {
        if (caller.is(Roles.ADMIN) || caller.isHostOf(programme.organisationId) || isReader(caller, programme)
                || isStaffOf(caller, uai, Roles.PRINCIPAL) || isStaffOf(caller, uai, Roles.RIPREE)) {
            return;
        }
        throw ProblemException.forbidden("this school's seats are for its principal and RIPREE, the programme's "
                + "host, its referents and admins");
    }

    /** Declines a school's seats: that school's principal. */
    public static void requireDecline(Caller caller, String uai) {
        if (!isStaffOf(caller, uai, Roles.PRINCIPAL)) {
            throw ProblemException.forbidden("only the school's principal declines its seats");
        }
    }

    /** The role a nomination is made in (principal first); 403 for any other. The pupil's school is checked later. */
    public static String nominatingRole(Caller caller) {
        if (caller.is(Roles.PRINCIPAL)) {
            return Roles.PRINCIPAL;
        }
        if (caller.is(Roles.RIPREE)) {
            return Roles.RIPREE;
        }
        throw ProblemException.forbidden("only a principal or the RIPREE of the pupil's school nominates");
    }

    /**
     * The school whose nominations the caller lists: null for all (admin, host), the caller's own for a principal
     * or RIPREE (403 when they ask for another one); 403 for every other role.
     */
    public static String nominationsScope(Caller caller, OfferCopy programme, String requested) {
        if (caller.is(Roles.ADMIN) || caller.isHostOf(programme.organisationId)) {
            return requested;
        }
        if (caller.is(Roles.PRINCIPAL) || caller.is(Roles.RIPREE)) {
            String own = caller.require(caller.school(), "school");
            if (requested != null && !requested.equals(own)) {
                throw ProblemException.forbidden("you see your own school's nominations only");
            }
            return own;
        }
        throw ProblemException.forbidden(caller.is(Roles.HOST) ? "this programme is another organisation's"
                : "nominations are for the programme's host, the schools' principals and RIPREEs, and admins");
    }

    private static boolean isReader(Caller caller, OfferCopy programme) {
        return (caller.is(Roles.MINISTRY) && programme.ministryCode != null
                && caller.ministry().map(programme.ministryCode::equals).orElse(false))
                || (caller.is(Roles.TERRITORY) && caller.departments().contains(programme.department));
    }

    private static boolean isStaffOf(Caller caller, String uai, String role) {
        return caller.is(role) && caller.school().map(uai::equals).orElse(false);
    }
}
