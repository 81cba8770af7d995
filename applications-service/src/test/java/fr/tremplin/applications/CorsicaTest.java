package fr.tremplin.applications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.common.events.Topics;
import fr.tremplin.common.territory.DepartmentCode;
import fr.tremplin.testing.KafkaTestConsumer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.admin;
import static fr.tremplin.applications.Fixtures.apply;
import static fr.tremplin.applications.Fixtures.offer;
import static fr.tremplin.applications.Fixtures.pupilToken;
import static fr.tremplin.applications.Fixtures.relay;
import static fr.tremplin.testing.KafkaTestConsumer.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Corsica's two départements, 2A and 2B (docs/ARCHITECTURE.md §6, tremplin-common's {@code DepartmentCode}): a relay
 * covers them like any other, and the codes it may not be given ({@code 20}, split since 1976; {@code 02B}, the open
 * data's spelling) are refused naming the field.
 */
@QuarkusTest
class CorsicaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String RELAY = "face-haute-corse";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aCandidacyFromAHauteCorseCollegeLandsInTheQueueOfTheRelayCovering2B() throws Exception {
        Fixtures.registerRelay(RELAY, "2B").statusCode(201).body("departments", equalTo(List.of("2B")));
        Fixtures.Offer offer = offer("2B", 2, W05);
        // a collège of Haute-Corse (its UAI starts with 720) and one of its pupils, as schools-service publishes them
        String uai = String.format("720%04d%c", ThreadLocalRandom.current().nextInt(10_000),
                (char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        TestEvents.awaitProcessed(Fixtures.publishSchool(uai, "2B", "REP", List.of(W05), Instant.now()));
        UUID pupil = Fixtures.pupil(uai, "3A", "REP");

        try (KafkaTestConsumer events = KafkaTestConsumer.fromNow(Topics.APPLICATIONS)) {
            String id = apply(pupilToken(pupil, uai), offer.id, W05, null).statusCode(201)
                    .body("state", equalTo("SUBMITTED")).body("relayId", equalTo(RELAY))
                    .body("department", equalTo("2B")).body("classId", equalTo("3A"))
                    .extract().path("id");

            given().header("Authorization", relay(RELAY)).get("/api/v1/relays/" + RELAY + "/queue").then()
                    .statusCode(200).body("items.id", hasItem(id))
                    .body("items.find { it.id == '" + id + "' }.schoolUai", equalTo(uai))
                    .body("items.find { it.id == '" + id + "' }.department", equalTo("2B"));

            ConsumerRecord<String, String> submitted = events.awaitRecord(r -> id.equals(r.key())
                    && "application.submitted".equals(header(r, "ce_type")), Duration.ofSeconds(20));
            assertThat(header(submitted, "relay")).isEqualTo(RELAY);
            JsonNode payload = MAPPER.readTree(submitted.value());
            assertThat(payload.get("schoolDepartment").asText()).isEqualTo("2B");
            assertThat(payload.get("department").asText()).isEqualTo("2B");
        }
    }

    @Test
    void aRelaysDepartementsAreCanonicalCodes_02BAnd20AreRefusedNamingTheField() {
        Fixtures.registerRelay("face-corse", "2A", "02B").statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("departments[1]"))
                .body("violations[0].message", equalTo(DepartmentCode.MESSAGE));
        Fixtures.registerRelay("face-corse", "20").statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("departments[0]"))
                .body("violations[0].message", equalTo(DepartmentCode.MESSAGE));
        given().header("Authorization", admin()).get("/api/v1/relays/face-corse").then().statusCode(404);
        // 21 to 29 are départements like any other (tremplin-common's DepartmentCode.PATTERN leaves them out)
        Fixtures.registerRelay("face-corse", "2A", "21").statusCode(201).body("departments", equalTo(List.of("21", "2A")));
    }
}
