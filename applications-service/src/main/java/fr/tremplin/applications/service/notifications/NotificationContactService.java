package fr.tremplin.applications.service.notifications;

import fr.tremplin.applications.api.NotificationContactRequest;
import fr.tremplin.applications.api.NotificationContactView;
import fr.tremplin.applications.domain.Actor;
import fr.tremplin.applications.domain.notifications.PartyKind;
import fr.tremplin.applications.domain.notifications.Recipient;
import fr.tremplin.applications.repository.NotificationContacts;
import fr.tremplin.common.audit.AuditTrail;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * The parties' contacts and preferences (who may: {@link NotificationAccess}). The audit trail records who changed a
 * contact, never the address.
 */
@ApplicationScoped
public class NotificationContactService {

    private final NotificationContacts contacts;
    private final AuditTrail audit;
    private final Clock clock;

    public NotificationContactService(NotificationContacts contacts, AuditTrail audit, Clock clock) {
        this.contacts = contacts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public NotificationContactView get(Caller caller, String segment, String partyId) {
        Recipient party = NotificationAccess.party(segment, partyId);
        NotificationAccess.requireManages(caller, party);
        return contacts.find(party).orElseThrow(() -> ProblemException.notFound("no contact for this party"));
    }

    /** Creates or replaces the contact; {@code created} tells which. */
    public record Saved(NotificationContactView contact, boolean created) {
    }

    @Transactional
    public Saved put(Caller caller, String segment, String partyId, NotificationContactRequest request) {
        Recipient party = NotificationAccess.party(segment, partyId);
        NotificationAccess.requireManages(caller, party);
        return save(new Actor(caller.id(), caller.mainRole()), party, request);
    }

    /**
     * Creates or replaces a party's contact for whoever the caller checked may (the staff's route above, the family
     * through its signing link: {@link FamilyContactByLink}); the rules of the preferences, the defaults and the audit
     * line are the same for both.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Saved save(Actor who, Recipient party, NotificationContactRequest request) {
        boolean digest = Boolean.TRUE.equals(request.dailyDigest());
        if (digest && party.kind() != PartyKind.HOST) {
            throw ProblemException.unprocessable("dailyDigest", "only a host's forwarded candidacies come as a digest");
        }
        boolean created = contacts.find(party).isEmpty();
        NotificationContactView saved = contacts.save(party, request.email().strip(),
                request.language() == null ? "fr" : request.language(),
                request.nonEssential() == null || request.nonEssential(), digest,
                request.phone() == null ? null : request.phone().strip(), clock.instant());
        audit.record(who.id(), who.role(), created ? "notification-contact.created" : "notification-contact.changed",
                "notification-contact", party.kind().name() + ":" + party.id(), null);
        return new Saved(saved, created);
    }

    @Transactional
    public void delete(Caller caller, String segment, String partyId) {
        Recipient party = NotificationAccess.party(segment, partyId);
        NotificationAccess.requireManages(caller, party);
        if (!contacts.delete(party)) {
            throw ProblemException.notFound("no contact for this party");
        }
        audit.record(caller, "notification-contact.deleted", "notification-contact",
                party.kind().name() + ":" + party.id(), null);
    }
}
