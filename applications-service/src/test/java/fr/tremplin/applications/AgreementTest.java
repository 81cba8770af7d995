package fr.tremplin.applications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.common.events.Topics;
import fr.tremplin.testing.KafkaTestConsumer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.act;
import static fr.tremplin.applications.Fixtures.applied;
import static fr.tremplin.applications.Fixtures.mainTeacher;
import static fr.tremplin.applications.Fixtures.offer;
import static fr.tremplin.applications.Fixtures.principal;
import static fr.tremplin.applications.Fixtures.pupilToken;
import static fr.tremplin.testing.KafkaTestConsumer.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Agreements: drafted on confirmation, signed by principal, host and a legal representative, then completion. */
@QuarkusTest
class AgreementTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void resetClock() {
        MovableClock.reset();
    }

    private record Confirmed(Fixtures.Offer offer, String uai, UUID pupil, UUID applicationId, String agreementId) {
        String pupilBearer() {
            return pupilToken(pupil, uai);
        }
    }

    private static Confirmed confirmed() {
        Fixtures.Offer offer = offer("01", 2, W05);
        String uai = Fixtures.school("01", "REP_PLUS");
        UUID pupil = Fixtures.pupil(uai, "3A", "REP_PLUS");
        UUID id = applied(pupil, uai, offer, W05);
        act(offer.hostBearer(), id, "accept", null).statusCode(200);
        String agreementId = act(pupilToken(pupil, uai), id, "confirm", null).statusCode(200)
                .extract().path("agreementId");
        return new Confirmed(offer, uai, pupil, id, agreementId);
    }

    @Test
    void threeSignaturesMakeTheCandidacyAgreementSignedAndTheWeekThenCompletes() throws Exception {
        Confirmed c = confirmed();
        String agreement = "/api/v1/agreements/" + c.agreementId();
        given().header("Authorization", c.pupilBearer()).get(agreement).then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("applicationId", equalTo(c.applicationId().toString()))
                .body("schoolUai", equalTo(c.uai()))
                .body("organisationId", equalTo(c.offer().organisationId.toString()))
                .body("organisationName", equalTo("Atelier du Nord"))
                .body("week", equalTo(W05))
                .body("startsOn", equalTo("2028-01-31"))
                .body("endsOn", equalTo("2028-02-04"))
                .body("signatures.principal.signed", equalTo(false));
        given().header("Authorization", principal(Fixtures.uai())).get(agreement).then().statusCode(403);

        // nobody signs before the convention is complete; the host names its tutor last here
        Fixtures.fillFamilyAndSchedule(agreement, principal(c.uai()), c.offer().hostBearer());
        given().header("Authorization", c.offer().hostBearer()).post(agreement + "/sign").then().statusCode(409)
                .body("violations.field", contains("tutor"));
        given().header("Authorization", c.offer().hostBearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "Claire Martin", "function", "Cheffe d'atelier")).put(agreement + "/tutor").then()
                .statusCode(200).body("tutor.name", equalTo("Claire Martin"));
        given().header("Authorization", principal(c.uai())).post(agreement + "/sign").then().statusCode(200)
                .body("signatures.principal.signed", equalTo(true));
        given().header("Authorization", principal(c.uai())).post(agreement + "/sign").then().statusCode(409);
        given().header("Authorization", c.pupilBearer()).post(agreement + "/sign").then().statusCode(403);

        // a main teacher of the class hands a one-time link to the family; only its hash is kept
        String first = given().header("Authorization", mainTeacher(c.uai(), "3A")).post(agreement + "/signing-link")
                .then().statusCode(201).header("Cache-Control", "private, no-store")
                .body("path", containsString("/api/v1/signatures/")).extract().path("token");
        String token = given().header("Authorization", principal(c.uai())).post(agreement + "/signing-link")
                .then().statusCode(201).extract().path("token");
        assertThat(TestEvents.count("SELECT count(*) FROM agreement WHERE signing_token_hash = ?", sha256(token))).isEqualTo(1);
        assertThat(TestEvents.count("SELECT count(*) FROM agreement WHERE signing_token_hash = ? OR signing_token_hash = ?",
                token, first)).isZero();
        given().get("/api/v1/signatures/" + first).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/signatures/" + token).then().statusCode(200)
                .body("offerTitle", equalTo("Découvrir un métier"))
                .body("tutor.name", equalTo("Claire Martin"))
                .body("principalSigned", equalTo(true))
                .body("legalRepresentativeSigned", equalTo(false));
        given().post("/api/v1/signatures/" + token).then().statusCode(200).body("legalRepresentativeSigned", equalTo(true));
        given().post("/api/v1/signatures/" + token).then().statusCode(404);
        act(c.pupilBearer(), c.applicationId(), "complete", null).statusCode(403);

        try (KafkaTestConsumer events = KafkaTestConsumer.fromNow(Topics.APPLICATIONS)) {
            given().header("Authorization", c.offer().hostBearer()).post(agreement + "/sign").then().statusCode(200)
                    .body("status", equalTo("SIGNED")).body("signedAt", notNullValue());
            given().header("Authorization", c.pupilBearer()).get("/api/v1/applications/" + c.applicationId()).then()
                    .body("state", equalTo("AGREEMENT_SIGNED"))
                    .body("history[-1].action", equalTo("sign-agreement"))
                    .body("history[-1].role", equalTo("host"));
            ConsumerRecord<String, String> signed = events.awaitRecord(r -> c.applicationId().toString().equals(r.key())
                    && "agreement.signed".equals(header(r, "ce_type")), Duration.ofSeconds(20));
            JsonNode payload = MAPPER.readTree(signed.value());
            assertThat(payload.get("state").asText()).isEqualTo("AGREEMENT_SIGNED");
            assertThat(payload.get("previousState").asText()).isEqualTo("CONFIRMED");
            assertThat(payload.get("agreementId").asText()).isEqualTo(c.agreementId());

            // the internship week: completion only once it has taken place
            act(c.offer().hostBearer(), c.applicationId(), "complete", null).statusCode(409)
                    .body("detail", containsString("not over"));
            Instant friday = LocalDate.of(2028, 2, 4).atTime(18, 0).toInstant(ZoneOffset.UTC);
            MovableClock.advance(Duration.between(Instant.now(), friday));
            act(c.offer().hostBearer(), c.applicationId(), "complete", null).statusCode(200)
                    .body("state", equalTo("COMPLETED"));
            ConsumerRecord<String, String> completed = events.awaitRecord(r -> c.applicationId().toString().equals(r.key())
                    && "internship.completed".equals(header(r, "ce_type")), Duration.ofSeconds(20));
            assertThat(MAPPER.readTree(completed.value()).get("state").asText()).isEqualTo("COMPLETED");
        }
        // a completed internship still takes its seat
        Fixtures.seats(c.offer()).body("weeks[0].consumed", equalTo(1));
    }

    @Test
    void aCancelledCandidacysAgreementCanNoLongerBeSigned() {
        Confirmed c = confirmed();
        String agreement = "/api/v1/agreements/" + c.agreementId();
        String token = given().header("Authorization", principal(c.uai())).post(agreement + "/signing-link")
                .then().statusCode(201).extract().path("token");
        act(c.pupilBearer(), c.applicationId(), "cancel", "déménagement").statusCode(200);
        given().header("Authorization", principal(c.uai())).get(agreement).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("signingLinkExpiresAt", nullValue());
        given().post("/api/v1/signatures/" + token).then().statusCode(404);
        given().header("Authorization", principal(c.uai())).post(agreement + "/sign").then().statusCode(409);
        given().header("Authorization", principal(c.uai())).post(agreement + "/signing-link").then().statusCode(409);
        Fixtures.seats(c.offer()).body("weeks[0].consumed", equalTo(0));
    }

    @Test
    void signingLinksAreUnguessableAndExpire() {
        Confirmed c = confirmed();
        given().get("/api/v1/signatures/short").then().statusCode(404);
        given().post("/api/v1/signatures/" + "A".repeat(43)).then().statusCode(404);
        String token = given().header("Authorization", principal(c.uai())).post("/api/v1/agreements/" + c.agreementId()
                + "/signing-link").then().statusCode(201).extract().path("token");
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        MovableClock.advance(Duration.ofDays(31));
        given().get("/api/v1/signatures/" + token).then().statusCode(404);
        given().header("Authorization", c.offer().hostBearer()).get("/api/v1/agreements/" + UUID.randomUUID()).then()
                .statusCode(404);
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
