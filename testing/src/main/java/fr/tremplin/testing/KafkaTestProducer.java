package fr.tremplin.testing;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Publishes CloudEvents (binary mode) the way another service's outbox relay does, so that a test can feed a
 * consumer with what schools-service or applications-service would send (as the broker's super user, who may write
 * every topic).
 */
public final class KafkaTestProducer {

    private KafkaTestProducer() {
    }

    /** Sends an event now; returns its id (send the same id again to test redelivery). */
    public static String send(String topic, String key, String type, String jsonPayload) {
        return send(topic, key, type, jsonPayload, UUID.randomUUID().toString(), Instant.now());
    }

    public static String send(String topic, String key, String type, String jsonPayload, String eventId, Instant time) {
        Map<String, Object> config = new HashMap<>(KafkaTestResource.adminConfig());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, jsonPayload);
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", eventId);
            header(record, "ce_source", "/tremplin/tests");
            header(record, "ce_type", type);
            header(record, "ce_time", time.toString());
            header(record, "ce_subject", key);
            header(record, "content-type", "application/json");
            producer.send(record).get();
            return eventId;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send the test event", e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
