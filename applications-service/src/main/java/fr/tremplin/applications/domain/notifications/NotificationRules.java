package fr.tremplin.applications.domain.notifications;

import fr.tremplin.applications.domain.Action;
import fr.tremplin.applications.domain.ApplicationState;
import fr.tremplin.common.security.Roles;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is told what (issue 16), and whether a queued message goes. Each recipient is told only what concerns it:
 * <table>
 *   <caption>who gets which email</caption>
 *   <tr><th>event</th><th>host</th><th>family</th><th>school (principal)</th></tr>
 *   <tr><td>application.forwarded</td><td>CANDIDACY_FORWARDED (or in its daily digest)</td><td>–</td><td>–</td></tr>
 *   <tr><td>application.accepted</td><td>–</td><td>CANDIDACY_ACCEPTED, with the hold's end</td><td>–</td></tr>
 *   <tr><td>48 h before the hold ends (timer)</td><td>–</td><td>HOLD_REMINDER</td><td>–</td></tr>
 *   <tr><td>application.confirmed</td><td>–</td><td>SIGNING_LINK (the agreement is drafted)</td><td>PUPIL_CONFIRMED</td></tr>
 *   <tr><td>agreement.signed</td><td>–</td><td>–</td><td>AGREEMENT_COMPLETE</td></tr>
 *   <tr><td>application.cancelled, .expired</td><td>CANDIDACY_ENDED_HOST once the host had it, unless the host
 *   cancelled it</td><td>CANDIDACY_ENDED_FAMILY, unless it is the consequence of the family's own confirmation
 *   elsewhere or of the pupil's erasure</td><td>–</td></tr>
 * </table>
 * No message ever goes to the pupil: a minor is reached through the family's address only.
 */
public final class NotificationRules {

    /** The states in which the host has the candidacy: an end from there concerns it. */
    private static final Set<ApplicationState> HOST_HAS_IT = EnumSet.of(ApplicationState.FORWARDED,
            ApplicationState.ACCEPTED, ApplicationState.CONFIRMED, ApplicationState.AGREEMENT_SIGNED);

    /** What an event says about its candidacy, as far as the rules need. */
    public record Facts(Action action, ApplicationState previous, String actorRole, String reason,
                        UUID organisationId, UUID pupilId, String schoolUai) {
    }

    /** One message to queue. */
    public record Planned(NotificationKind kind, Recipient recipient) {
    }

    /** What the sender does with a queued message once it knows the recipient's contact. */
    public enum Decision {
        SEND, DIGEST, SKIP_NO_CONTACT, SKIP_SWITCHED_OFF
    }

    /** A recipient's stored preferences. */
    public record Preferences(boolean nonEssential, boolean dailyDigest) {
    }

    /**
     * The platform's rules: the family is not told of the cancellations the system makes because it confirmed
     * another place ({@code Transitions.CONFIRMED_ELSEWHERE}) or because the pupil was erased
     * ({@code SchoolReadModel.PUPIL_ERASED}); {@code NotificationRulesTest} checks these are those constants.
     */
    public static final NotificationRules PLATFORM = new NotificationRules(Set.of("confirmed elsewhere", "pupil erased"));

    private final Set<String> familyNotToldReasons;

    /**
     * @param familyNotToldReasons the system's reasons of a cancellation the family already knows of or that no
     *                             longer concerns it ("confirmed elsewhere": its own confirmation; "pupil erased")
     */
    public NotificationRules(Set<String> familyNotToldReasons) {
        this.familyNotToldReasons = Set.copyOf(familyNotToldReasons);
    }

    /** The messages an event of the candidacy lifecycle queues (none for most). */
    public List<Planned> of(Facts facts) {
        List<Planned> planned = new ArrayList<>();
        Recipient host = facts.organisationId() == null ? null
                : new Recipient(PartyKind.HOST, facts.organisationId().toString());
        Recipient family = facts.pupilId() == null ? null : new Recipient(PartyKind.FAMILY, facts.pupilId().toString());
        Recipient school = facts.schoolUai() == null ? null : new Recipient(PartyKind.SCHOOL, facts.schoolUai());
        switch (facts.action()) {
            case FORWARD -> add(planned, NotificationKind.CANDIDACY_FORWARDED, host);
            case ACCEPT -> add(planned, NotificationKind.CANDIDACY_ACCEPTED, family);
            case CONFIRM -> {
                add(planned, NotificationKind.PUPIL_CONFIRMED, school);
                add(planned, NotificationKind.SIGNING_LINK, family);
            }
            case SIGN_AGREEMENT -> add(planned, NotificationKind.AGREEMENT_COMPLETE, school);
            case CANCEL, EXPIRE -> {
                if (facts.previous() != null && HOST_HAS_IT.contains(facts.previous())
                        && !Roles.HOST.equals(facts.actorRole())) {
                    add(planned, NotificationKind.CANDIDACY_ENDED_HOST, host);
                }
                if (!(facts.reason() != null && familyNotToldReasons.contains(facts.reason())
                        && "system".equals(facts.actorRole()))) {
                    add(planned, NotificationKind.CANDIDACY_ENDED_FAMILY, family);
                }
            }
            default -> {
                // submitted, redirected, rejected, completed: nobody is emailed
            }
        }
        return planned;
    }

    private static void add(List<Planned> planned, NotificationKind kind, Recipient recipient) {
        if (recipient != null) {
            planned.add(new Planned(kind, recipient));
        }
    }

    /**
     * Whether a queued message is sent: not without a contact; a non-essential one not when its recipient switched
     * them off (an essential one always: the recipient must act on it); a forwarded candidacy waits for the daily
     * digest when the host chose it.
     */
    public static Decision decide(NotificationKind kind, Optional<Preferences> contact) {
        if (contact.isEmpty()) {
            return Decision.SKIP_NO_CONTACT;
        }
        Preferences preferences = contact.get();
        if (!kind.essential() && !preferences.nonEssential()) {
            return Decision.SKIP_SWITCHED_OFF;
        }
        if (kind == NotificationKind.CANDIDACY_FORWARDED && preferences.dailyDigest()) {
            return Decision.DIGEST;
        }
        return Decision.SEND;
    }
}
