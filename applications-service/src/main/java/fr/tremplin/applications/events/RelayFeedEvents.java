package fr.tremplin.applications.events;

import fr.tremplin.applications.domain.Application;
import fr.tremplin.applications.domain.Relay;
import fr.tremplin.common.events.Outbox;
import fr.tremplin.common.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A relay's own feed, {@code tremplin.relay.<relayId>.v1} (issue 12): every candidacy event that concerns the relay,
 * and the candidacies its territory gains or loses when an admin re-scopes it, written to the outbox in the
 * transaction of the change, keyed by application id (one candidacy's messages stay in order). The content is what
 * its REST queue shows of a candidacy, without the agents' leases; never a name, never a free text (neither the
 * pupil's motivation nor the reasons people write). A deactivated relay's feed gets nothing (it resumes on
 * reactivation); a deleted relay has none. A relay with a webhook also gets each message POSTed ({@link WebhookOutbox}).
 */
@ApplicationScoped
public class RelayFeedEvents {

    /** A candidacy of the relay's territory changed; {@code event} names the {@code tremplin.applications.v1} type. */
    public static final String CHANGED = "relay.candidacy.changed";
    /** Re-scoping gave the relay the candidacy (its département joined the relay's territory). */
    public static final String ENTERED = "relay.candidacy.entered";
    /** Re-scoping took the candidacy away (its département left the relay's territory). */
    public static final String LEFT = "relay.candidacy.left";

    private final Outbox outbox;
    private final EntityManager em;
    private final WebhookOutbox webhooks;

    public RelayFeedEvents(Outbox outbox, EntityManager em, WebhookOutbox webhooks) {
        this.outbox = outbox;
        this.em = em;
        this.webhooks = webhooks;
    }

    /** One feed message: the candidacy as the relay's queue shows it, what happened and when. */
    public record Item(String event, Instant occurredAt, UUID applicationId, UUID pupilId, String schoolUai,
                       String schoolPriority, String classId, UUID offerId, String offerTitle, UUID organisationId,
                       String department, String week, LocalDate startsOn, String state, String relayId,
                       Instant submittedAt, Instant stateSince, Instant holdExpiresAt) {
    }

    /** The candidacy's event, on the feed of the relay it belongs to, if that relay is active. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Application application, String eventType, Instant at) {
        write(application, application.relayId, CHANGED, eventType, at);
    }

    /** The candidacy now belongs to {@code relayId} (already set on it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void entered(Application application, Instant at) {
        write(application, application.relayId, ENTERED, ENTERED, at);
    }

    /** The candidacy no longer belongs to {@code relayId}; called before it is taken from it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void left(Application application, String relayId, Instant at) {
        write(application, relayId, LEFT, LEFT, at);
    }

    private void write(Application a, String relayId, String type, String event, Instant at) {
        if (relayId == null || !active(relayId)) {
            return;
        }
        Item item = new Item(event, at, a.id, a.pupilId, a.schoolUai, a.schoolPriority, a.classId, a.offerId,
                a.offerTitle, a.organisationId, a.department, a.week, a.startsOn, a.state.name(), a.relayId,
                a.submittedAt, a.stateSince, a.holdExpiresAt);
        UUID eventId = outbox.publish(Topics.relayFeed(relayId), a.id.toString(), type, "applications/" + a.id, item);
        webhooks.queue(eventId, relayId, a.id, type, at, item);
    }

    /** Read from the persistence context: a deactivation in this same transaction is seen before its flush. */
    private boolean active(String relayId) {
        Relay relay = em.find(Relay.class, relayId);
        return relay != null && relay.active;
    }
}
