package fr.tremplin.applications.service;

import fr.tremplin.applications.domain.OfferCopy;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;

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
 * </pre>
 * A territorial referent reads a programme whose département (the offer's) is one of theirs. Every other role
 * (pupil, teacher, main teacher, relay, operator) is refused everywhere: a pupil does not apply to a programme, their
 * school nominates them.
 */
public final class ProgrammeAccess {

    private ProgrammeAccess() {
    }

    /** Computes the allocation: the host of the programme's organisation, or an admin. */
    public static void requireManage(Caller caller, OfferCopy programme) {
        if (caller.is(Roles.ADMIN) || isHost(caller, programme)) {
            return;
        }
        throw ProblemException.forbidden(caller.is(Roles.HOST) ? "this programme is another organisation's"
                : "only the programme's host or an admin allocates its seats");
    }

    /** Accepts nominations: the host of the programme's organisation only. */
    public static void requireHost(Caller caller, OfferCopy programme) {
        if (!isHost(caller, programme)) {
            throw ProblemException.forbidden(caller.is(Roles.HOST) ? "this programme is another organisation's"
                    : "only the programme's host accepts its nominations");
        }
    }

    /** Reads every school's line: admin, host, the programme's ministry referent or territorial referent. */
    public static void requireReadAll(Caller caller, OfferCopy programme) {
        if (caller.is(Roles.ADMIN) || isHost(caller, programme) || isReader(caller, programme)) {
            return;
        }
        throw ProblemException.forbidden("the whole allocation is for the programme's host, its ministry or "
                + "territorial referents and admins; a school sees its own line");
    }

    /** Reads one school's line: as {@link #requireReadAll}, or that school's principal or RIPREE. */
    public static void requireReadSchool(Caller caller, OfferCopy programme, String uai) {
        if (caller.is(Roles.ADMIN) || isHost(caller, programme) || isReader(caller, programme)
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
        if (caller.is(Roles.ADMIN) || isHost(caller, programme)) {
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

    private static boolean isHost(Caller caller, OfferCopy programme) {
        return caller.is(Roles.HOST) && programme.organisationId != null
                && caller.organisation().map(o -> o.equals(programme.organisationId.toString())).orElse(false);
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
