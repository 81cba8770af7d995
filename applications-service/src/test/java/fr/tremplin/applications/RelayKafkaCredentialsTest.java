package fr.tremplin.applications;

import fr.tremplin.common.events.Topics;
import fr.tremplin.common.security.Roles;
import fr.tremplin.testing.KafkaTestResource;
import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static fr.tremplin.applications.Fixtures.admin;
import static fr.tremplin.applications.Fixtures.relay;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/**
 * A relay's Kafka credentials, issued by the API (issue 12) and checked against the secured broker itself: they read
 * the relay's own feed, in its own groups, and nothing else; rotation retires the old password; deleting the relay
 * removes the account; the broker down is a 503 that changes nothing.
 */
@QuarkusTest
class RelayKafkaCredentialsTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theIssuedCredentialsReadTheRelaysOwnFeedAndNothingElse() throws Exception {
        String relayId = "kafka-somme";
        String other = "kafka-oise";
        Fixtures.registerRelay(relayId, "80").statusCode(201);
        Fixtures.registerRelay(other, "60").statusCode(201);
        JsonPath issued = issue(relayId);
        assertThat(issued.getString("username")).isEqualTo("relay-" + relayId);
        assertThat(issued.getString("topic")).isEqualTo(Topics.relayFeed(relayId));
        assertThat(issued.getString("consumerGroupPrefix")).isEqualTo("relay-" + relayId + ".");
        assertThat(issued.getString("saslMechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(issued.getString("password")).hasSizeGreaterThanOrEqualTo(40);
        issue(other);
        feed(relayId, "for the somme");
        feed(other, "for the oise");

        Map<String, Object> client = clientOf(issued);
        assertThat(read(client, "relay-" + relayId + ".triage", Topics.relayFeed(relayId))).contains("for the somme");
        assertThatThrownBy(() -> read(client, "relay-" + relayId + ".triage", Topics.relayFeed(other)))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> read(client, "relay-" + relayId + ".triage", Topics.APPLICATIONS))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aSecondCallRotatesThePasswordAndTheOldOneStopsWorking() throws Exception {
        String relayId = "kafka-aisne";
        Fixtures.registerRelay(relayId, "02").statusCode(201);
        Map<String, Object> first = clientOf(issue(relayId));
        Map<String, Object> second = clientOf(issue(relayId));
        feed(relayId, "after rotation");
        assertThat(read(second, "relay-" + relayId + ".a", Topics.relayFeed(relayId))).contains("after rotation");
        assertThatThrownBy(() -> read(first, "relay-" + relayId + ".b", Topics.relayFeed(relayId)))
                .isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void deletingTheRelayRemovesItsAccount() throws Exception {
        String relayId = "kafka-marne";
        Fixtures.registerRelay(relayId, "51").statusCode(201);
        Map<String, Object> client = clientOf(issue(relayId));
        feed(relayId, "before deletion");
        assertThat(read(client, "relay-" + relayId + ".a", Topics.relayFeed(relayId))).contains("before deletion");
        given().header("Authorization", admin()).delete("/api/v1/relays/" + relayId).then().statusCode(204);
        assertThatThrownBy(() -> read(client, "relay-" + relayId + ".b", Topics.relayFeed(relayId)))
                .isInstanceOf(SaslAuthenticationException.class);
        given().header("Authorization", admin()).post("/api/v1/relays/" + relayId + "/kafka-credentials").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyAnAdminGetsCredentialsOfARegisteredRelay() {
        String relayId = "kafka-meuse";
        Fixtures.registerRelay(relayId, "55").statusCode(201);
        given().header("Authorization", relay(relayId)).post("/api/v1/relays/" + relayId + "/kafka-credentials")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", TestTokens.as(Roles.PRINCIPAL).claim("school", "0550001A").bearer())
                .post("/api/v1/relays/" + relayId + "/kafka-credentials").then().statusCode(403);
        given().post("/api/v1/relays/" + relayId + "/kafka-credentials").then().statusCode(401);
        given().header("Authorization", admin()).post("/api/v1/relays/kafka-nowhere/kafka-credentials").then()
                .statusCode(404).contentType("application/problem+json");
        given().header("Authorization", admin()).post("/api/v1/relays/Not_An_Id/kafka-credentials").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theRelayIdWhosePrincipalIsTheAccountMakersIsRefused() {
        // relay-accounts is applications-service's own principal for making relays' accounts (docs/KAFKA.md)
        Fixtures.registerRelay("accounts", "56").statusCode(422).contentType("application/problem+json");
        given().header("Authorization", admin()).get("/api/v1/relays/accounts").then().statusCode(404);
    }

    @Test
    void theBrokerDownIsA503ThatChangesNothing() throws Exception {
        if (System.getenv("KAFKA_BOOTSTRAP_SERVERS") != null) {
            return; // an external broker cannot be stopped from here
        }
        String relayId = "kafka-vosges";
        Fixtures.registerRelay(relayId, "88").statusCode(201);
        Map<String, Object> client = clientOf(issue(relayId));
        KafkaTestResource.stopBroker();
        try {
            given().header("Authorization", admin()).post("/api/v1/relays/" + relayId + "/kafka-credentials").then()
                    .statusCode(503).contentType("application/problem+json");
            given().header("Authorization", admin()).delete("/api/v1/relays/" + relayId).then()
                    .statusCode(503).contentType("application/problem+json");
        } finally {
            KafkaTestResource.startBroker();
        }
        given().header("Authorization", admin()).get("/api/v1/relays/" + relayId).then().statusCode(200)
                .body("id", equalTo(relayId));
        feed(relayId, "still readable");
        assertThat(read(client, "relay-" + relayId + ".a", Topics.relayFeed(relayId))).contains("still readable");
    }

    private static JsonPath issue(String relayId) {
        return given().header("Authorization", admin()).post("/api/v1/relays/" + relayId + "/kafka-credentials")
                .then().statusCode(201).header("Cache-Control", "private, no-store").extract().jsonPath();
    }

    private static Map<String, Object> clientOf(JsonPath issued) {
        return KafkaTestResource.clientConfig(issued.getString("username"), issued.getString("password"));
    }

    /** The feed's topic as the platform would have it (its creation is the feed's business), with one record. */
    private static void feed(String relayId, String value) throws Exception {
        try (Admin admin = Admin.create(KafkaTestResource.adminConfig())) {
            admin.createTopics(List.of(new NewTopic(Topics.relayFeed(relayId), 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaTestResource.adminConfig(),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.relayFeed(relayId), "key", value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** What the client reads from the beginning of the topic within 20 s, or the broker's refusal. */
    private static List<String> read(Map<String, Object> client, String group, String topic) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (values.isEmpty() && System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
            consumer.commitSync();
        }
        return values;
    }
}
