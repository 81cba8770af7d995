package fr.tremplin.applications.events;

import fr.tremplin.applications.domain.Action;
import fr.tremplin.applications.domain.Actor;
import fr.tremplin.applications.domain.Application;
import fr.tremplin.applications.domain.ApplicationState;
import fr.tremplin.common.events.Outbox;
import fr.tremplin.common.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The events of {@code tremplin.applications.v1} (docs/EVENTS.md), keyed by application id, written to the outbox in
 * the transaction of the transition. The payload carries what a relay needs to triage without calling back (offer,
 * week, school UAI and priority, département, relay); the relay id is also a Kafka header. Never a name, and not the
 * pupil's motivation (free text written by a minor: read it through the REST API). The relay's own feed gets the
 * event too ({@link RelayFeedEvents}).
 */
@ApplicationScoped
public class ApplicationEvents {

    public static final String RELAY_HEADER = "relay";

    private final Outbox outbox;
    private final RelayFeedEvents feed;
    private final NotificationOutbox notifications;

    public ApplicationEvents(Outbox outbox, RelayFeedEvents feed, NotificationOutbox notifications) {
        this.outbox = outbox;
        this.feed = feed;
        this.notifications = notifications;
    }

    public record Payload(UUID applicationId, UUID offerId, String offerTitle, String week, LocalDate startsOn,
                          UUID pupilId, String schoolUai, String schoolPriority, String schoolDepartment,
                          String classId, String relayId, String department, String ministryCode,
                          UUID organisationId, String state, String previousState, String action, String reason,
                          UUID redirectedTo, UUID redirectedFrom, UUID agreementId, Instant holdExpiresAt,
                          String actor, Instant occurredAt) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void emit(Application application, Action action, ApplicationState previous, Actor actor, String reason,
                     UUID agreementId, Instant at) {
        Payload payload = new Payload(application.id, application.offerId, application.offerTitle, application.week,
                application.startsOn, application.pupilId, application.schoolUai, application.schoolPriority,
                application.schoolDepartment, application.classId, application.relayId, application.department,
                application.ministryCode, application.organisationId, application.state.name(),
                previous == null ? null : previous.name(), action.label(), reason, application.redirectedTo,
                application.redirectedFrom, agreementId, application.holdExpiresAt, actor.role(), at);
        Map<String, String> headers = application.relayId == null ? Map.of()
                : Map.of(RELAY_HEADER, application.relayId);
        UUID eventId = outbox.publish(Topics.APPLICATIONS, application.id.toString(), action.eventType(),
                "applications/" + application.id, payload, headers);
        feed.changed(application, action.eventType(), at);
        notifications.plan(eventId, action.eventType(), payload);
    }
}
