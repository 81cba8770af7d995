package fr.tremplin.applications.service;

import fr.tremplin.applications.domain.Application;
import fr.tremplin.applications.domain.CandidacyLifecycle;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;

/**
 * Who may see what of an agreement beyond its summary. The summary ({@code GET /api/v1/agreements/{id}}) is for
 * whoever reads its candidacy ({@link ApplicationAccess#canRead}); the family's names and the document are for the
 * agreement's parties only:
 * <pre>
 * caller                                              summary   family's names   document   writes
 * principal, RIPREE, teacher of the pupil's school    yes       yes              yes        the family part; the principal signs
 * main teacher of the pupil's class                   yes       yes              yes        the family part
 * host of the offer's organisation                    yes       yes              yes        tutor, schedule; signs
 * admin                                               yes       yes              yes        none
 * pupil, relay, ministry, territory (in scope)        yes       no               no         none
 * the family, through its one-time signing link       its view  yes              yes        signs
 * </pre>
 * Outside these: 403 (401 without a token); an unknown agreement: 404.
 */
public final class AgreementAccess {

    private AgreementAccess() {
    }

    /** The school's staff, the host, an admin: the parties who see the family's names and the document. */
    public static boolean isParty(Caller caller, Application application) {
        return ApplicationAccess.inScope(caller, Roles.ADMIN, application)
                || ApplicationAccess.inScope(caller, Roles.HOST, application)
                || isSchoolStaff(caller, application);
    }

    public static boolean isSchoolStaff(Caller caller, Application application) {
        return CandidacyLifecycle.SCHOOL_STAFF.stream().anyMatch(r -> ApplicationAccess.inScope(caller, r, application));
    }
}
