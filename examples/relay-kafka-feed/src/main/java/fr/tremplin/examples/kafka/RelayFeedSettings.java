package fr.tremplin.examples.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.util.Map;
import java.util.Properties;

/**
 * Where the relay's feed is and who the relay is on the broker: what {@code POST /api/v1/relays/{relayId}/kafka-credentials}
 * returned ({@code bootstrapServers}, {@code username}, {@code password}, {@code topic}, {@code consumerGroupPrefix}).
 *
 * @param group a consumer group under the relay's prefix {@code relay-<relayId>.}: the broker refuses any other
 */
public record RelayFeedSettings(String bootstrapServers, String securityProtocol, String username, String password,
                                String topic, String group) {

    /**
     * From the environment: {@code TREMPLIN_KAFKA_BOOTSTRAP_SERVERS}, {@code TREMPLIN_RELAY_ID},
     * {@code TREMPLIN_KAFKA_USERNAME}, {@code TREMPLIN_KAFKA_PASSWORD}; optionally {@code TREMPLIN_KAFKA_SECURITY_PROTOCOL}
     * (default {@code SASL_PLAINTEXT}; {@code SASL_SSL} where the broker has TLS) and {@code TREMPLIN_KAFKA_GROUP}
     * (default {@code relay-<relayId>.triage}). The password never goes on a command line.
     */
    public static RelayFeedSettings fromEnvironment(Map<String, String> env) {
        String relayId = required(env, "TREMPLIN_RELAY_ID");
        return new RelayFeedSettings(
                required(env, "TREMPLIN_KAFKA_BOOTSTRAP_SERVERS"),
                env.getOrDefault("TREMPLIN_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT"),
                required(env, "TREMPLIN_KAFKA_USERNAME"),
                required(env, "TREMPLIN_KAFKA_PASSWORD"),
                "tremplin.relay." + relayId + ".v1",
                env.getOrDefault("TREMPLIN_KAFKA_GROUP", "relay-" + relayId + ".triage"));
    }

    /**
     * The consumer's settings: SCRAM-SHA-512 with the relay's account, offsets committed by the code after handling
     * (never automatically), from the beginning of the feed the first time the group reads it.
     */
    public Properties consumerProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put("security.protocol", securityProtocol);
        properties.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"" + username + "\" password=\"" + password + "\";");
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return properties;
    }

    /** Never prints the password (a record's own toString would). */
    @Override
    public String toString() {
        return "RelayFeedSettings[" + bootstrapServers + ", " + securityProtocol + ", user " + username + ", topic "
                + topic + ", group " + group + "]";
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("set " + name + " (see README.md)");
        }
        return value.strip();
    }
}
