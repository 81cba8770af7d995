package fr.tremplin.applications;

import fr.tremplin.common.security.Roles;
import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.W06;
import static fr.tremplin.applications.Fixtures.W07;
import static fr.tremplin.applications.Fixtures.apply;
import static fr.tremplin.applications.Fixtures.mainTeacher;
import static fr.tremplin.applications.Fixtures.offer;
import static fr.tremplin.applications.Fixtures.principal;
import static fr.tremplin.applications.Fixtures.pupilToken;
import static fr.tremplin.applications.Fixtures.school;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Applying: the rules of docs/ARCHITECTURE.md §4, each refused with its own problem+json. */
@QuarkusTest
class SubmissionTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aPupilAppliesAndWithoutARelayTheCandidacyGoesStraightToTheHost() {
        Fixtures.Offer offer = offer("01", 2, W05, W06);
        String uai = school("59", "REP_PLUS");
        UUID pupil = UUID.randomUUID();

        apply(pupilToken(pupil, uai), offer.id, W05, null)
                .statusCode(201)
                .header("Location", containsString("/api/v1/applications/"))
                .body("state", equalTo("FORWARDED"))
                .body("pupilId", equalTo(pupil.toString()))
                .body("schoolUai", equalTo(uai))
                .body("relayId", nullValue())
                .body("week", equalTo(W05))
                .body("startsOn", equalTo("2028-01-31"))
                .body("history", hasSize(2))
                .body("history[0].action", equalTo("submit"))
                .body("history[0].to", equalTo("SUBMITTED"))
                .body("history[0].role", equalTo("pupil"))
                .body("history[0].actor", equalTo(pupil.toString()))
                .body("history[1].action", equalTo("forward"))
                .body("history[1].from", equalTo("SUBMITTED"))
                .body("history[1].to", equalTo("FORWARDED"))
                .body("history[1].role", equalTo("system"));
    }

    @Test
    void staffApplyOnBehalfOfTheirPupilsOnly() {
        Fixtures.Offer offer = offer("01", 2, W05);
        String uai = school("59", "REP");
        UUID pupil = Fixtures.pupil(uai, "3A", "REP");

        apply(mainTeacher(uai, "3B"), offer.id, W05, pupil).statusCode(403).contentType("application/problem+json");
        apply(principal(Fixtures.uai()), offer.id, W05, pupil).statusCode(403);
        apply(principal(uai), offer.id, W05, null).statusCode(400).body("violations[0].field", equalTo("pupilId"));
        apply(mainTeacher(uai, "3A"), offer.id, W05, pupil).statusCode(201)
                .body("classId", equalTo("3A"))
                .body("history[0].role", equalTo("main-teacher"));
        // a pupil cannot apply for somebody else
        apply(pupilToken(UUID.randomUUID(), uai), offer.id, W05, pupil).statusCode(403);
        // staff cannot apply for a pupil the platform does not know
        apply(principal(uai), offer.id, W05, UUID.randomUUID()).statusCode(422)
                .body("violations[0].field", equalTo("pupilId"))
                .body("detail", containsString("unknown pupil"));
    }

    @Test
    void anUnknownPupilOrOfferIsUnprocessable() {
        Fixtures.Offer offer = offer("01", 2, W05);
        // neither in the read model nor with a known school in the token
        apply(pupilToken(UUID.randomUUID(), Fixtures.uai()), offer.id, W05, null).statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("unknown pupil"));
        String uai = school("59", "REP");
        apply(pupilToken(UUID.randomUUID(), uai), UUID.randomUUID(), W05, null).statusCode(422)
                .body("violations[0].field", equalTo("offerId"))
                .body("detail", containsString("unknown offer"));
    }

    @Test
    void theWeekMustBeOpenOnTheOfferAndDeclaredByTheSchool() {
        Fixtures.Offer offer = offer("01", 2, W05, W06);
        String uai = school("59", "REP", W06, W07);
        String token = pupilToken(UUID.randomUUID(), uai);

        apply(token, offer.id, W07, null).statusCode(422).body("violations[0].field", equalTo("week"))
                .body("detail", containsString("offer's open weeks"));
        apply(token, offer.id, W05, null).statusCode(422).body("violations[0].field", equalTo("week"))
                .body("detail", containsString("your school declared"));
        apply(token, offer.id, "2028-W99", null).statusCode(400).body("violations[0].field", equalTo("week"));
        apply(token, offer.id, W06, null).statusCode(201);
    }

    @Test
    void reservedOffersAdmitOnlyTheirPupils() {
        Fixtures.Offer rep = new Fixtures.Offer(UUID.randomUUID(), "01", 2, java.util.List.of(W05));
        rep.reservation = "REP";
        rep.publish("offer.published");
        String ordinary = school("01", "NONE");
        String repPlus = school("59", "REP_PLUS");
        apply(pupilToken(UUID.randomUUID(), ordinary), rep.id, W05, null).statusCode(422)
                .body("detail", containsString("reserved for pupils of REP and REP+"));
        apply(pupilToken(UUID.randomUUID(), repPlus), rep.id, W05, null).statusCode(201);

        Fixtures.Offer oneSchool = new Fixtures.Offer(UUID.randomUUID(), "01", 2, java.util.List.of(W05));
        oneSchool.reservation = "SCHOOL";
        oneSchool.reservedSchoolUai = repPlus;
        oneSchool.publish("offer.published");
        String otherRep = school("59", "REP");
        apply(pupilToken(UUID.randomUUID(), otherRep), oneSchool.id, W05, null).statusCode(422)
                .body("detail", containsString("another school"));
        apply(pupilToken(UUID.randomUUID(), repPlus), oneSchool.id, W05, null).statusCode(201);
    }

    @Test
    void anUnpublishedOfferTakesNoCandidacy() {
        Fixtures.Offer offer = offer("01", 2, W05);
        offer.status = "UNPUBLISHED";
        offer.publish("offer.unpublished");
        apply(pupilToken(UUID.randomUUID(), school("59", "REP")), offer.id, W05, null).statusCode(422)
                .body("detail", containsString("does not take candidacies"));
    }

    @Test
    void onePerOfferAndWeekAndAtMostFiveOpen() {
        String uai = school("59", "REP");
        UUID pupil = UUID.randomUUID();
        String token = pupilToken(pupil, uai);
        Fixtures.Offer first = offer("01", 2, W05, W06);
        apply(token, first.id, W05, null).statusCode(201);
        apply(token, first.id, W05, null).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already applied for this offer and week"));
        apply(token, first.id, W06, null).statusCode(201);
        for (int i = 0; i < 3; i++) {
            apply(token, offer("01", 1, W05).id, W05, null).statusCode(201);
        }
        apply(token, offer("01", 1, W05).id, W05, null).statusCode(409)
                .body("detail", containsString("5 open candidacies"));
    }

    @Test
    void theMotivationIsBoundedAndTheBodyValidated() {
        Fixtures.Offer offer = offer("01", 2, W05);
        String token = pupilToken(UUID.randomUUID(), school("59", "REP"));
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("offerId", offer.id.toString(), "week", W05, "motivation", "x".repeat(2001)))
                .post("/api/v1/applications").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("motivation"));
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("offerId", "not-a-uuid", "week", W05, "motivation", "ok"))
                .post("/api/v1/applications").then().statusCode(400).body("violations[0].field", equalTo("offerId"));
        given().header("Authorization", token).contentType(ContentType.JSON).body("{\"offerId\":")
                .post("/api/v1/applications").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("offerId", offer.id.toString(), "week", W05, "motivation", "ok"))
                .post("/api/v1/applications").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.as(Roles.HOST).claim("organisation", offer.organisationId.toString()).bearer())
                .contentType(ContentType.JSON).body(Map.of("offerId", offer.id.toString(), "week", W05, "motivation", "ok"))
                .post("/api/v1/applications").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aRetriedSubmissionWithTheSameIdempotencyKeyCreatesOneCandidacy() {
        Fixtures.Offer offer = offer("01", 2, W05);
        String token = pupilToken(UUID.randomUUID(), school("59", "REP"));
        Map<String, String> body = Map.of("offerId", offer.id.toString(), "week", W05, "motivation", "Bonjour");
        String first = given().header("Authorization", token).header("Idempotency-Key", "k-1").contentType(ContentType.JSON)
                .body(body).post("/api/v1/applications").then().statusCode(201).extract().path("id");
        given().header("Authorization", token).header("Idempotency-Key", "k-1").contentType(ContentType.JSON)
                .body(body).post("/api/v1/applications").then().statusCode(201).body("id", equalTo(first));
        given().header("Authorization", token).header("Idempotency-Key", "k-1").contentType(ContentType.JSON)
                .body(Map.of("offerId", offer.id.toString(), "week", W05, "motivation", "Autre")).post("/api/v1/applications")
                .then().statusCode(422);
        given().header("Authorization", token).get("/api/v1/applications").then().statusCode(200)
                .body("totalItems", equalTo(1));
    }
}
