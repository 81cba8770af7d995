package fr.tremplin.applications.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.applications.config.NotificationConfig;
import fr.tremplin.applications.domain.Action;
import fr.tremplin.applications.domain.ApplicationState;
import fr.tremplin.applications.domain.notifications.NotificationKind;
import fr.tremplin.applications.domain.notifications.NotificationRules;
import fr.tremplin.applications.domain.notifications.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Queues an email in the delivery log ({@code notification}) in the transaction of the event that causes it: a
 * rolled-back change sends nothing, a committed one is never lost. The row is unique per (event id, recipient, kind):
 * the same event queued again (a replay, a timer's second pass) adds nothing. The statement notifies
 * {@link NotificationConfig#CHANNEL}, delivered on commit, which wakes the sender. The data is what the message says
 * (offer title, week, dates, ids): never a free text, a name or an address.
 */
@ApplicationScoped
public class NotificationOutbox {

    private final QueueRows rows;
    private final ObjectMapper mapper;

    public NotificationOutbox(QueueRows rows, ObjectMapper mapper) {
        this.rows = rows;
        this.mapper = mapper;
    }

    /**
     * Queues the emails an event of {@code tremplin.applications.v1} causes ({@link NotificationRules} says who is
     * told; the sender finds their address when it sends), under the event's id; returns how many were new. Called by
     * {@link ApplicationEvents} in the transaction of the event; the same event planned again (a replay of the outbox,
     * a redelivery to a consumer) queues nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int plan(UUID eventId, String eventType, ApplicationEvents.Payload payload) {
        Optional<Action> action = Arrays.stream(Action.values()).filter(a -> a.eventType().equals(eventType)).findFirst();
        if (action.isEmpty()) {
            return 0;
        }
        ApplicationState previous = payload.previousState() == null ? null
                : ApplicationState.valueOf(payload.previousState());
        int queued = 0;
        for (NotificationRules.Planned message : NotificationRules.PLATFORM.of(new NotificationRules.Facts(
                action.get(), previous, payload.actor(), payload.reason(), payload.organisationId(), payload.pupilId(),
                payload.schoolUai()))) {
            if (queue(eventId, message.kind(), message.recipient(), payload.applicationId(), payload.pupilId(),
                    NotificationData.of(payload), payload.occurredAt())) {
                queued++;
            }
        }
        return queued;
    }

    /** Returns whether it was queued (false: already there for this event, recipient and kind). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queue(UUID eventId, NotificationKind kind, Recipient recipient, UUID applicationId, UUID pupilId,
                         Map<String, Object> data, Instant at) {
        String json;
        try {
            json = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the data of a " + kind + " notification", e);
        }
        Timestamp now = Timestamp.from(at);
        return rows.write("WITH queued AS (INSERT INTO notification (id, event_id, kind, party_kind, party_id, "
                        + "application_id, pupil_id, data, next_attempt_at, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?) "
                        + "ON CONFLICT ON CONSTRAINT notification_once DO NOTHING RETURNING id), "
                        + "notified AS (SELECT pg_notify('" + NotificationConfig.CHANNEL + "', '') FROM queued) "
                        + "SELECT count(*) FROM notified",
                UUID.randomUUID(), eventId, kind.name(), recipient.kind().name(), recipient.id(), applicationId,
                pupilId, json, now, now) > 0;
    }
}
