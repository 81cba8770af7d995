package fr.tremplin.applications.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a relay's Kafka client needs to read its feed; the password is shown in this answer only, never again. */
@Schema(name = "RelayKafkaCredentials", description = "A relay's Kafka account: SASL SCRAM credentials, its feed topic "
        + "and the consumer group prefix it may use. The password is returned once; a new request rotates it.")
public record RelayKafkaCredentials(
        @Schema(description = "SASL username (the broker principal)", examples = "relay-face-nord") String username,
        @Schema(description = "SASL password, shown only in this answer") String password,
        @Schema(description = "SASL mechanism", examples = "SCRAM-SHA-512") String saslMechanism,
        @Schema(description = "Kafka security.protocol to use", examples = "SASL_SSL") String securityProtocol,
        @Schema(description = "Kafka bootstrap servers for relays") String bootstrapServers,
        @Schema(description = "The only topic this account may read", examples = "tremplin.relay.face-nord.v1") String topic,
        @Schema(description = "Consumer groups this account may use start with this prefix", examples = "relay-face-nord.")
        String consumerGroupPrefix) {
}
