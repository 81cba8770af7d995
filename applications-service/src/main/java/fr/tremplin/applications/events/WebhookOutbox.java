package fr.tremplin.applications.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.applications.config.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final QueueRows rows;
    private final ObjectMapper mapper;

    public WebhookOutbox(QueueRows rows, ObjectMapper mapper) {
        this.rows = rows;
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
        Timestamp now = Timestamp.from(at);
        rows.write("WITH queued AS (INSERT INTO webhook_delivery (id, relay_id, application_id, type, body, "
                        + "next_attempt_at, created_at, retry_from) SELECT ?, ?, ?, ?, ?, ?, ?, ? "
                        + "WHERE EXISTS (SELECT 1 FROM relay_webhook WHERE relay_id = ?) RETURNING id), "
                        + "notified AS (SELECT pg_notify('" + WebhookConfig.CHANNEL + "', '') FROM queued) "
                        + "SELECT count(*) FROM notified",
                eventId, relayId, applicationId, type, body, now, now, now, relayId);
    }
}
