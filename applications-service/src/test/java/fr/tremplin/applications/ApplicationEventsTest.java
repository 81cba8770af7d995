package fr.tremplin.applications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.common.events.Topics;
import fr.tremplin.testing.KafkaTestConsumer;
import fr.tremplin.testing.KafkaTestResource;
import fr.tremplin.testing.events.EventContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.act;
import static fr.tremplin.applications.Fixtures.applied;
import static fr.tremplin.applications.Fixtures.offer;
import static fr.tremplin.applications.Fixtures.relay;
import static fr.tremplin.applications.Fixtures.school;
import static fr.tremplin.testing.KafkaTestConsumer.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

/** What relays and the other services read on tremplin.applications.v1. */
@QuarkusTest
class ApplicationEventsTest {

    private static final String RELAY = "face-nord";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void relayCoversNord() {
        Fixtures.registerRelay(RELAY, "59").statusCode(oneOf(200, 201));
    }

    @Test
    void everyTransitionIsACloudEventKeyedByApplicationWithTheRelayAsHeaderAndPayload() throws Exception {
        Fixtures.Offer offer = offer("59", 2, W05);
        String uai = school("59", "REP_PLUS");
        UUID pupil = UUID.randomUUID();
        try (KafkaTestConsumer events = KafkaTestConsumer.fromNow(Topics.APPLICATIONS)) {
            UUID id = applied(pupil, uai, offer, W05);
            act(relay(RELAY), id, "forward", null).statusCode(200);

            ConsumerRecord<String, String> submitted = events.awaitRecord(r -> id.toString().equals(r.key())
                    && "application.submitted".equals(header(r, "ce_type")), Duration.ofSeconds(20));
            assertThat(header(submitted, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(submitted, "ce_source")).isEqualTo("/tremplin/applications-service");
            assertThat(header(submitted, "ce_subject")).isEqualTo("applications/" + id);
            assertThat(header(submitted, "ce_id")).isNotBlank();
            assertThat(header(submitted, "ce_time")).isNotBlank();
            assertThat(header(submitted, "content-type")).isEqualTo("application/json");
            assertThat(header(submitted, "relay")).isEqualTo(RELAY);
            EventContract.load().check(submitted); // with the relay header, as OutboxRelay sent it: docs/events
            JsonNode payload = MAPPER.readTree(submitted.value());
            assertThat(payload.get("applicationId").asText()).isEqualTo(id.toString());
            assertThat(payload.get("offerId").asText()).isEqualTo(offer.id.toString());
            assertThat(payload.get("week").asText()).isEqualTo(W05);
            assertThat(payload.get("startsOn").asText()).isEqualTo("2028-01-31");
            assertThat(payload.get("pupilId").asText()).isEqualTo(pupil.toString());
            assertThat(payload.get("schoolUai").asText()).isEqualTo(uai);
            assertThat(payload.get("schoolPriority").asText()).isEqualTo("REP_PLUS");
            assertThat(payload.get("relayId").asText()).isEqualTo(RELAY);
            assertThat(payload.get("department").asText()).isEqualTo("59");
            assertThat(payload.get("ministryCode").asText()).isEqualTo("MINARM");
            assertThat(payload.get("organisationId").asText()).isEqualTo(offer.organisationId.toString());
            assertThat(payload.get("state").asText()).isEqualTo("SUBMITTED");
            assertThat(payload.get("previousState").isNull()).isTrue();
            assertThat(payload.get("actor").asText()).isEqualTo("pupil");
            assertThat(payload.has("motivation")).as("a minor's free text stays out of events").isFalse();

            ConsumerRecord<String, String> forwarded = events.awaitRecord(r -> id.toString().equals(r.key())
                    && "application.forwarded".equals(header(r, "ce_type")), Duration.ofSeconds(20));
            JsonNode forwardedPayload = MAPPER.readTree(forwarded.value());
            assertThat(forwardedPayload.get("state").asText()).isEqualTo("FORWARDED");
            assertThat(forwardedPayload.get("previousState").asText()).isEqualTo("SUBMITTED");
            assertThat(forwardedPayload.get("actor").asText()).isEqualTo("relay");
            // both on the application's partition, in order
            assertThat(forwarded.partition()).isEqualTo(submitted.partition());
            assertThat(forwarded.offset()).isGreaterThan(submitted.offset());
        }
    }

    @Test
    void aRelayTriagesFromTheTopicAlone() throws Exception {
        String relayId = "face-exemple";
        Fixtures.registerRelay(relayId, "80").statusCode(oneOf(200, 201));
        Fixtures.Offer offer = offer("80", 2, W05);
        String repPlus = school("80", "REP_PLUS");
        String ordinary = school("80", "NONE");
        UUID chosen = applied(UUID.randomUUID(), repPlus, offer, W05);
        UUID declined = applied(UUID.randomUUID(), ordinary, offer, W05);

        try (RelayTopicTriage triage = new RelayTopicTriage(KafkaTestResource.adminConfig(), relayId,
                "http://localhost:" + RestAssured.port, relay(relayId),
                candidacy -> "REP_PLUS".equals(candidacy.get("schoolPriority").asText())
                        ? RelayTopicTriage.Decision.forwardIt()
                        : RelayTopicTriage.Decision.reject("cette semaine est réservée aux collèges REP+"))) {
            int[] triaged = {0};
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                triaged[0] += triage.pollAndTriage(Duration.ofMillis(200));
                return triaged[0] >= 2;
            });
        }
        given().header("Authorization", relay(relayId)).get("/api/v1/applications/" + chosen).then()
                .body("state", equalTo("FORWARDED"));
        given().header("Authorization", relay(relayId)).get("/api/v1/applications/" + declined).then()
                .body("state", equalTo("REJECTED"))
                .body("history[-1].reason", equalTo("cette semaine est réservée aux collèges REP+"));
    }

    @Test
    void withoutARelayThereIsNoRelayHeader() throws Exception {
        Fixtures.Offer offer = offer("01", 2, W05);
        String uai = school("01", "REP");
        try (KafkaTestConsumer events = KafkaTestConsumer.fromNow(Topics.APPLICATIONS)) {
            UUID id = applied(UUID.randomUUID(), uai, offer, W05);
            ConsumerRecord<String, String> forwarded = events.awaitRecord(r -> id.toString().equals(r.key())
                    && "application.forwarded".equals(header(r, "ce_type")), Duration.ofSeconds(20));
            assertThat(header(forwarded, "relay")).isNull();
            assertThat(MAPPER.readTree(forwarded.value()).get("actor").asText()).isEqualTo("system");
        }
    }
}
