package fr.tremplin.applications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.testing.KafkaTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * What offers-service and schools-service would publish: CloudEvents in Kafka binary mode, produced to the real
 * broker; {@link #awaitProcessed} waits until this service's consumer recorded the event.
 */
public final class TestEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    private TestEvents() {
    }

    public record Sent(String id, String topic, String key, String type, String subject, String payload, Instant time) {
    }

    public static Sent publish(String topic, String key, String type, String subject, Map<String, ?> payload,
                               Instant time) {
        return publish(UUID.randomUUID().toString(), topic, key, type, subject, json(payload), time);
    }

    /** Produces a record with exactly this id (to prove that a redelivery changes nothing). */
    public static Sent publish(String id, String topic, String key, String type, String subject, String payload,
                               Instant time) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id);
        header(record, "ce_source", topic.contains("offers") ? "/tremplin/offers-service" : "/tremplin/schools-service");
        header(record, "ce_type", type);
        header(record, "ce_time", time.toString());
        header(record, "ce_subject", subject);
        header(record, "content-type", "application/json");
        header(record, "ce_datacontenttype", "application/json");
        send(record);
        return new Sent(id, topic, key, type, subject, payload, time);
    }

    /** Sends the same record again (same ce_id): what Kafka does after a consumer crash. */
    public static void redeliver(Sent sent) {
        publish(sent.id(), sent.topic(), sent.key(), sent.type(), sent.subject(), sent.payload(), sent.time());
    }

    public static void send(ProducerRecord<String, String> record) {
        try {
            producer().send(record).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish a test event", e);
        }
    }

    /** Waits until this service's consumer recorded the event (applied, or ignored as older). */
    public static void awaitProcessed(Sent sent) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> count("SELECT count(*) FROM processed_event WHERE event_id = ?", sent.id()) > 0);
    }

    public static long count(String sql, Object... parameters) {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of a query, each as its column labels and values. */
    public static java.util.List<Map<String, Object>> rows(String sql, Object... parameters) {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            java.util.List<Map<String, Object>> rows = new java.util.ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        row.put(rs.getMetaData().getColumnLabel(c), rs.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String sql, Object... parameters) {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            // as the broker's super user: these events are the other services'
            Map<String, Object> config = new HashMap<>(KafkaTestResource.adminConfig());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }
}
