package fr.tremplin.applications;

import fr.tremplin.testing.ErasureScan;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.W06;
import static fr.tremplin.applications.Fixtures.act;
import static fr.tremplin.applications.Fixtures.offer;
import static fr.tremplin.applications.Fixtures.principal;
import static fr.tremplin.applications.Fixtures.pupilToken;
import static fr.tremplin.testing.ErasureScan.columnsHolding;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Erasure is complete (issue 10): once {@code pupil.erased} arrives on tremplin.schools.v1, no text, varchar or jsonb
 * column of any table of this service's database holds a free text written for that pupil (motivation, reasons,
 * tutor, the family part, activities and signers' names; the scan is tremplin-testing's {@link ErasureScan}), while the candidacies, their history and their agreement stay, counted and in their states.
 */
@QuarkusTest
class ErasureScanTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void afterThePupilIsErasedNoColumnOfAnyTableHoldsTheirFreeTexts() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String motivationA = "Motivation A " + tag + " : j'aime le bois";
        String motivationB = "Motivation B " + tag + " : ma tante y travaille";
        String acceptReason = "Accord " + tag + " : bon profil";
        String cancelReason = "Annulation " + tag + " : déménagement à Lyon";
        String tutorName = "Tuteur " + tag + " Dupont";
        String tutorFunction = "Fonction " + tag + " menuisier";
        String pupilName = "Élève " + tag + " Martin";
        String representativeName = "Parent " + tag + " Martin";
        String activities = "Activités " + tag + " : atelier et menuiserie";
        String principalName = "Principale " + tag + " Durand";
        List<String> texts = List.of(motivationA, motivationB, acceptReason, cancelReason, tutorName, tutorFunction,
                pupilName, representativeName, activities, principalName);

        Fixtures.Offer first = offer("01", 2, W05);
        Fixtures.Offer second = offer("01", 2, W06);
        String uai = Fixtures.school("01", "REP");
        UUID pupil = UUID.randomUUID();
        Instant t0 = Instant.now();
        TestEvents.awaitProcessed(Fixtures.publishPupil("pupil.enrolled", pupil, uai, "3A", "REP", t0));
        String bearer = pupilToken(pupil, uai);

        // B: submitted, then cancelled by the pupil with a reason (before A is confirmed: one internship only)
        UUID b = UUID.fromString(given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body(Map.of("offerId", second.id.toString(), "week", W06, "motivation", motivationB))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id"));
        act(bearer, b, "cancel", cancelReason).statusCode(200);

        // A: submitted with an Idempotency-Key (its answer, motivation included, is stored), accepted with a reason,
        // confirmed (an agreement), a tutor named, a signing link handed out
        UUID a = UUID.fromString(given().header("Authorization", bearer).header("Idempotency-Key", "erasure-" + tag)
                .contentType(ContentType.JSON)
                .body(Map.of("offerId", first.id.toString(), "week", W05, "motivation", motivationA))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id"));
        act(first.hostBearer(), a, "accept", acceptReason).statusCode(200);
        String agreementId = act(bearer, a, "confirm", null).statusCode(200).extract().path("agreementId");
        String agreement = "/api/v1/agreements/" + agreementId;
        given().header("Authorization", first.hostBearer()).contentType(ContentType.JSON)
                .body(Map.of("name", tutorName, "function", tutorFunction)).put(agreement + "/tutor").then()
                .statusCode(200);
        // the family part, the week's activities, a signature under a name (issue 16's document)
        given().header("Authorization", principal(uai)).contentType(ContentType.JSON)
                .body(Map.of("pupilName", pupilName, "legalRepresentativeName", representativeName))
                .put(agreement + "/family").then().statusCode(200);
        given().header("Authorization", first.hostBearer()).contentType(ContentType.JSON)
                .body(Map.of("dailyHours", List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "12:00",
                        "breakMinutes", 0)), "activities", activities)).put(agreement + "/schedule").then().statusCode(200);
        given().header("Authorization", principal(uai)).contentType(ContentType.JSON)
                .body(Map.of("signerName", principalName)).post(agreement + "/sign").then().statusCode(200);
        String token = given().header("Authorization", principal(uai)).post(agreement + "/signing-link").then()
                .statusCode(201).extract().path("token");
        // the family gives its contact through the link (the same name: the principal's signature stays)
        String familyAddress = "famille-" + tag + "@exemple.fr";
        String familyPhone = "06 " + (10_000_000 + new java.util.Random().nextInt(89_999_999));
        given().contentType(ContentType.JSON).body(Map.of("token", token, "legalRepresentativeName", representativeName,
                "email", familyAddress, "phone", familyPhone)).put("/api/v1/signatures/family-contact").then()
                .statusCode(200).body("principalSigned", equalTo(true)).body("contact.phone", equalTo(familyPhone));
        assertThat(columnsHolding(familyPhone)).containsExactly("notification_contact.phone");
        assertThat(columnsHolding(familyAddress)).contains("notification_contact.email");

        assertThat(ErasureScan.textColumns()).contains("agreement.pupil_name", "agreement.legal_representative_name",
                "agreement.activities", "agreement.principal_signer_name","application.motivation", "application_transition.reason",
                "agreement.tutor_name", "outbox_event.payload", "idempotency_key.body");
        for (String text : texts) {
            assertThat(columnsHolding(text)).as(text).isNotEmpty();     // the scan does see them before
        }
        long transitions = TestEvents.count("SELECT count(*) FROM application_transition t JOIN application a "
                + "ON a.id = t.application_id WHERE a.pupil_id = ?", pupil);

        TestEvents.awaitProcessed(Fixtures.publishPupil("pupil.erased", pupil, null, null, null, t0.plusSeconds(10)));

        assertThat(columnsHolding(tag)).as("anything tagged " + tag).isEmpty();
        assertThat(ErasureScan.leftOf(texts)).isEmpty();
        assertThat(columnsHolding(familyPhone)).as("the family's phone").isEmpty();
        given().get("/api/v1/signatures/" + token).then().statusCode(404);

        // the rows stay: two cancelled candidacies, their history one step longer (A cancelled by the system),
        // A's agreement cancelled
        assertThat(TestEvents.count("SELECT count(*) FROM application WHERE pupil_id = ? AND state = 'CANCELLED'",
                pupil)).isEqualTo(2);
        assertThat(TestEvents.count("SELECT count(*) FROM application_transition t JOIN application a "
                + "ON a.id = t.application_id WHERE a.pupil_id = ?", pupil)).isEqualTo(transitions + 1);
        assertThat(TestEvents.count("SELECT count(*) FROM agreement WHERE pupil_id = ? AND status = 'CANCELLED'",
                pupil)).isEqualTo(1);
        given().header("Authorization", principal(uai)).get("/api/v1/applications/" + a).then().statusCode(200)
                .body("state", equalTo("CANCELLED")).body("motivation", nullValue())
                .body("history[-1].reason", equalTo("pupil erased"))
                .body("history.find { it.action == 'accept' }.reason", equalTo("[erased]"));
        given().header("Authorization", principal(uai)).get("/api/v1/applications/" + b).then().statusCode(200)
                .body("motivation", nullValue()).body("history[-1].reason", equalTo("[erased]"));
    }
}
