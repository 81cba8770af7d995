package fr.tremplin.applications.service.notifications;

import fr.tremplin.applications.domain.CandidacyLifecycle;
import fr.tremplin.applications.domain.PupilCopy;
import fr.tremplin.applications.domain.notifications.PartyKind;
import fr.tremplin.applications.domain.notifications.Recipient;
import fr.tremplin.applications.service.ApplicationAccess;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who sets and reads a party's contact ({@code /api/v1/notification-contacts/{party}/{partyId}}):
 * <ul>
 *   <li>{@code hosts/{organisationId}}: a host of that organisation; an admin;</li>
 *   <li>{@code schools/{uai}}: the principal of that school (the mailbox is theirs); an admin;</li>
 *   <li>{@code families/{pupilId}}: the school staff of the pupil's school (principal, RIPREE, teacher; a main teacher
 *   for the classes they lead), who collect the legal representative's address; an admin. An unknown or erased
 *   pupil is a 404. Never the pupil: a minor gives no address here.</li>
 * </ul>
 * Any other caller, or another party, is a 403. The admins' log ({@code /api/v1/notifications}) is admin only.
 */
public final class NotificationAccess {

    private static final Pattern UAI = Pattern.compile("[0-9]{7}[A-Z]");

    private NotificationAccess() {
    }

    /** The party a path names: 400 naming {@code party} or {@code partyId} when it is not one. */
    public static Recipient party(String segment, String partyId) {
        PartyKind kind = PartyKind.ofSegment(segment).orElseThrow(
                () -> ProblemException.invalid("party", "must be hosts, schools or families"));
        String id = partyId == null ? "" : partyId.strip();
        switch (kind) {
            case HOST, FAMILY -> {
                try {
                    id = UUID.fromString(id).toString();
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid("partyId", "must be a UUID (the organisation's or the pupil's id)");
                }
            }
            case SCHOOL -> {
                if (!UAI.matcher(id).matches()) {
                    throw ProblemException.invalid("partyId", "must be a UAI (7 digits and a capital letter)");
                }
            }
        }
        return new Recipient(kind, id);
    }

    /** 403 (or 404 for an unknown pupil) unless the caller manages this party's contact. */
    public static void requireManages(Caller caller, Recipient party) {
        if (caller.is(Roles.ADMIN)) {
            if (party.kind() == PartyKind.FAMILY) {
                pupil(party);
            }
            return;
        }
        boolean allowed = switch (party.kind()) {
            case HOST -> caller.is(Roles.HOST) && caller.isHostOf(UUID.fromString(party.id()));
            case SCHOOL -> caller.is(Roles.PRINCIPAL) && caller.school().map(party.id()::equals).orElse(false);
            case FAMILY -> staffOf(caller, pupil(party));
        };
        if (!allowed) {
            throw ProblemException.forbidden("this contact is outside your scope");
        }
    }

    private static boolean staffOf(Caller caller, PupilCopy pupil) {
        if (!caller.school().map(pupil.uai::equals).orElse(false)) {
            return false;
        }
        return CandidacyLifecycle.SCHOOL_STAFF.stream().filter(caller::is).anyMatch(role -> !Roles.MAIN_TEACHER.equals(role)
                || (pupil.classId != null && ApplicationAccess.ledClasses(caller).contains(pupil.classId)));
    }

    private static PupilCopy pupil(Recipient party) {
        PupilCopy pupil = PupilCopy.findById(UUID.fromString(party.id()));
        if (pupil == null || pupil.erased) {
            throw ProblemException.notFound("no pupil " + party.id());
        }
        return pupil;
    }
}
