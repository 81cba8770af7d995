package fr.tremplin.applications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * EXAMPLE (docs/APPLICATIONS.md, "Relays by Kafka"): a relay that triages from {@code tremplin.applications.v1} alone.
 * It keeps the records whose {@code relay} header is its own id and whose type is {@code application.submitted},
 * decides from the payload only (offer, week, school UAI and priority, département: no call back to read the
 * candidacy), and sends its decision to the REST API with its relay token. A plain Kafka consumer in its own group.
 */
public final class RelayTopicTriage implements AutoCloseable {

    /** What the relay decided: forward, or reject with a reason. */
    public record Decision(boolean forward, String reason) {
        public static Decision forwardIt() {
            return new Decision(true, null);
        }

        public static Decision reject(String reason) {
            return new Decision(false, reason);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String relayId;
    private final String apiBase;
    private final String bearer;
    private final Function<JsonNode, Decision> policy;
    private final KafkaConsumer<String, String> consumer;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public RelayTopicTriage(Map<String, Object> clientConfig, String relayId, String apiBase, String bearer,
                            Function<JsonNode, Decision> policy) {
        this.relayId = relayId;
        this.apiBase = apiBase;
        this.bearer = bearer;
        this.policy = policy;
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "relay-" + relayId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("tremplin.applications.v1"));
    }

    /** Polls once, decides on every new candidacy of this relay, commits; returns how many it triaged. */
    public int pollAndTriage(Duration timeout) throws IOException, InterruptedException {
        int triaged = 0;
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            if (!relayId.equals(header(record, "relay")) || !"application.submitted".equals(header(record, "ce_type"))) {
                continue;
            }
            JsonNode candidacy = MAPPER.readTree(record.value());
            Decision decision = policy.apply(candidacy);
            UUID applicationId = UUID.fromString(candidacy.get("applicationId").asText());
            String body = decision.forward() ? "{}" : MAPPER.writeValueAsString(Map.of("reason", decision.reason()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(apiBase + "/api/v1/applications/" + applicationId
                            + (decision.forward() ? "/forward" : "/reject")))
                    .header("Authorization", bearer).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            // 409: somebody (an agent on the REST queue) already triaged it; anything else is worth a look
            if (status != 200 && status != 409) {
                throw new IllegalStateException("decision on " + applicationId + " refused with " + status);
            }
            triaged++;
        }
        consumer.commitSync();
        return triaged;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(1));
    }
}
