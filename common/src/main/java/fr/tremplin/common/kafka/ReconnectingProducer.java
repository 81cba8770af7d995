package fr.tremplin.common.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A Kafka producer opened on first use and dropped after a failure ({@link #reset}), so that the next attempt starts
 * from a new connection: the outbox relay's and the dead letters' producer. Idempotent, {@code acks=all}; a send fails
 * within seconds while the broker is away, and the caller tries again.
 *
 * @param <V> the record value's type (keys are strings)
 */
public final class ReconnectingProducer<V> {

    private final Map<String, Object> config;
    private final Serializer<V> values;
    private KafkaProducer<String, V> producer;

    /** {@code kafkaConfig}: the service's {@code kafka.*} settings; {@code settings}: this producer's own, on top. */
    public ReconnectingProducer(Map<String, Object> kafkaConfig, Map<String, Object> settings, Serializer<V> values) {
        this.config = new HashMap<>(kafkaConfig);
        this.config.put(ProducerConfig.ACKS_CONFIG, "all");
        this.config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.config.putAll(settings);
        this.values = values;
    }

    public synchronized KafkaProducer<String, V> get() {
        if (producer == null) {
            producer = new KafkaProducer<>(config, new StringSerializer(), values);
        }
        return producer;
    }

    /** Closes the producer (waiting a second at most); the next {@link #get} opens a new one. */
    public synchronized void reset() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(1));
            producer = null;
        }
    }
}
