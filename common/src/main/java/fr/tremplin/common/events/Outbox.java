package fr.tremplin.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * Writes an event in the same database transaction as the change it describes (Debezium outbox pattern):
 * a rolled-back change emits nothing, a committed one is published by {@link OutboxRelay} even after a crash
 * or a Kafka outage. The row keeps the trace context of the change ({@link EventTraces}), so that the event's
 * producer and consumer spans join the request's trace.
 */
@ApplicationScoped
public class Outbox {

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public Outbox(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** Records an event; must run inside the transaction of the change. Returns the event id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String key, String type, String subject, Object payload) {
        return publish(topic, key, type, subject, payload, Map.of());
    }

    /** As {@link #publish(String, String, String, String, Object)}, with extra Kafka headers (e.g. the relay id). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String key, String type, String subject, Object payload,
                        Map<String, String> extraHeaders) {
        UUID id = UUID.randomUUID();
        // Agroal hands the transaction's own connection back, so this row commits or rolls back with the change.
        // The notification rides in the same statement (no extra round trip); PostgreSQL delivers it only on commit,
        // once per transaction however many events it wrote, and it wakes OutboxRelay at once.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "WITH recorded AS (INSERT INTO outbox_event (id, topic, message_key, type, subject, headers, payload, "
                             + "traceparent) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?) RETURNING seq) "
                             + "SELECT pg_notify('" + OutboxRelay.CHANNEL + "', '') FROM recorded")) {
            insert.setObject(1, id);
            insert.setString(2, topic);
            insert.setString(3, key);
            insert.setString(4, type);
            insert.setString(5, subject);
            insert.setString(6, mapper.writeValueAsString(extraHeaders));
            insert.setString(7, mapper.writeValueAsString(payload));
            insert.setString(8, EventTraces.currentTraceparent());
            insert.executeQuery().close();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not record event " + type, e);
        }
        return id;
    }
}
