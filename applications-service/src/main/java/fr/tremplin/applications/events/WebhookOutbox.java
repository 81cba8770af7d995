package fr.tremplin.applications.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.applications.config.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * The webhook side of a relay's feed: when the relay registered a webhook, each feed message is also a row of
 * {@code webhook_delivery}, written in the transaction of the message, that {@code WebhookSender} POSTs. The body
 * follows Standard Webhooks' recommended shape: {@code {"type", "timestamp", "data"}}, {@code data} being the feed
 * message's payload; the delivery id is the feed message's event id ({@code ce_id}), sent as {@code webhook-id}.
 */
@ApplicationScoped
public class WebhookOutbox {

    /** What a webhook receives: the same message as the Kafka feed. */
    public record Body(String type, Instant timestamp, Object data) {
    }

    private final EntityManager em;
    private final ObjectMapper mapper;

    public WebhookOutbox(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /**
     * Queues the delivery of a feed message when the relay has a webhook; nothing otherwise. The same statement
     * notifies {@link WebhookConfig#CHANNEL}, which PostgreSQL delivers on commit (once per transaction): the sender
     * wakes at once instead of at its next fallback pass.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(UUID eventId, String relayId, UUID applicationId, String type, Instant at, Object data) {
        String body;
        try {
            body = mapper.writeValueAsString(new Body(type, at, data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a webhook body of type " + type, e);
        }
        em.createNativeQuery("WITH queued AS (INSERT INTO webhook_delivery (id, relay_id, application_id, type, body, "
                        + "next_attempt_at, created_at, retry_from) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?6, ?6 "
                        + "WHERE EXISTS (SELECT 1 FROM relay_webhook WHERE relay_id = ?2) RETURNING id), "
                        + "notified AS (SELECT pg_notify('" + WebhookConfig.CHANNEL + "', '') FROM queued) "
                        + "SELECT count(*) FROM notified")
                .setParameter(1, eventId).setParameter(2, relayId).setParameter(3, applicationId)
                .setParameter(4, type).setParameter(5, body).setParameter(6, Timestamp.from(at))
                .getSingleResult();
    }
}
