package fr.tremplin.applications.service;

import fr.tremplin.applications.api.RelayView;
import fr.tremplin.applications.domain.Action;
import fr.tremplin.applications.domain.Actor;
import fr.tremplin.applications.domain.Application;
import fr.tremplin.applications.domain.Relay;
import fr.tremplin.applications.repository.ApplicationRepository;
import fr.tremplin.common.audit.AuditTrail;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Taking a relay out of the triage (admin, issue 10): deactivating it (it keeps its départements, so reactivating it
 * restores its territory) or deleting it. Either way, from the commit on no new candidacy is routed to it, and the
 * candidacies it holds in triage (SUBMITTED) are handed back the way the platform treats a candidacy no relay covers:
 * forwarded to the host by {@code system} (the {@code CandidacyLifecycle} line SUBMITTED → FORWARDED), each with its
 * history line and its {@code application.forwarded} event, reason "relay deactivated" or "relay deleted". Its
 * agents cannot act meanwhile ({@link #requireActive}). Who did it is in the audit trail.
 * <p>
 * Lock order: the relay's row ({@code FOR UPDATE}), then its candidacies; a submission share-locks the row of the
 * relay it routes to ({@code ApplicationRepository.relayCovering}), so none slips in between.
 */
@ApplicationScoped
public class RelayDeactivation {

    public static final String DEACTIVATED = "relay deactivated";
    public static final String DELETED = "relay deleted";

    private final EntityManager em;
    private final ApplicationRepository applications;
    private final Transitions transitions;
    private final AuditTrail audit;
    private final Clock clock;
    private final RelayKafkaAccounts kafkaAccounts;

    public RelayDeactivation(EntityManager em, ApplicationRepository applications, Transitions transitions,
                             AuditTrail audit, Clock clock, RelayKafkaAccounts kafkaAccounts) {
        this.kafkaAccounts = kafkaAccounts;
        this.em = em;
        this.applications = applications;
        this.transitions = transitions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Deactivates the relay and hands back what it holds in triage; deactivating it again changes nothing. */
    @Transactional
    public RelayView deactivate(Caller caller, String relayId) {
        Relay relay = lock(relayId);
        if (relay.active) {
            // handed back while still active: the relay's feed says they left its triage, then stops
            int handedBack = handBack(relayId, DEACTIVATED);
            Instant now = clock.instant();
            relay.active = false;
            relay.deactivatedAt = now;
            relay.updatedAt = now;
            audit.record(caller, "relay.deactivated", "relay", relayId, "handedBack=" + handedBack);
        }
        return RelayService.view(relay, RelayService.departments(em, relayId));
    }

    /** Reactivates the relay: new candidacies of its départements go to it again (those handed back stay forwarded). */
    @Transactional
    public RelayView reactivate(Caller caller, String relayId) {
        Relay relay = lock(relayId);
        if (!relay.active) {
            relay.active = true;
            relay.deactivatedAt = null;
            relay.updatedAt = clock.instant();
            audit.record(caller, "relay.reactivated", "relay", relayId, null);
        }
        return RelayService.view(relay, RelayService.departments(em, relayId));
    }

    /**
     * Deletes the relay and its départements (free for another relay at once) after handing back what it holds in
     * triage. Its other candidacies keep its id in their history. Its Kafka account goes first: if the broker does not
     * answer, the 503 leaves the relay as it was (the removal is idempotent, a second DELETE finishes it).
     */
    @Transactional
    public int delete(Caller caller, String relayId) {
        Relay relay = lock(relayId);
        kafkaAccounts.remove(relayId);
        int handedBack = handBack(relayId, DELETED);
        em.remove(relay);
        em.flush();
        audit.record(caller, "relay.deleted", "relay", relayId, "handedBack=" + handedBack);
        return handedBack;
    }

    /** A deactivated or deleted relay's agents cannot act (403); {@code relayId} is the one the caller acts for. */
    public void requireActive(String relayId) {
        Relay relay = relayId == null ? null : Relay.findById(relayId);
        if (relay == null) {
            throw ProblemException.forbidden("relay " + relayId + " is not registered (deleted?): it cannot act");
        }
        if (!relay.active) {
            throw ProblemException.forbidden("relay " + relayId + " is deactivated: it cannot act");
        }
    }

    private Relay lock(String relayId) {
        List<?> locked = em.createNativeQuery("SELECT id FROM relay WHERE id = ?1 FOR UPDATE")
                .setParameter(1, relayId).getResultList();
        if (locked.isEmpty()) {
            throw ProblemException.notFound("no relay " + relayId);
        }
        Relay relay = em.find(Relay.class, relayId);
        em.refresh(relay);
        return relay;
    }

    private int handBack(String relayId, String reason) {
        List<Application> inTriage = applications.lockInTriage(relayId);
        for (Application application : inTriage) {
            transitions.apply(application, Action.FORWARD, Actor.SYSTEM, reason);
        }
        return inTriage.size();
    }
}
