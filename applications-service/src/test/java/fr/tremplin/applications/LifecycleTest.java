package fr.tremplin.applications;

import fr.tremplin.common.security.Roles;
import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.W06;
import static fr.tremplin.applications.Fixtures.act;
import static fr.tremplin.applications.Fixtures.applied;
import static fr.tremplin.applications.Fixtures.apply;
import static fr.tremplin.applications.Fixtures.mainTeacher;
import static fr.tremplin.applications.Fixtures.offer;
import static fr.tremplin.applications.Fixtures.principal;
import static fr.tremplin.applications.Fixtures.pupilToken;
import static fr.tremplin.applications.Fixtures.relay;
import static fr.tremplin.applications.Fixtures.school;
import static fr.tremplin.applications.Fixtures.seats;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The lifecycle table of docs/ARCHITECTURE.md §4 through the REST API: each action, its roles, its states, its history. */
@QuarkusTest
class LifecycleTest {

    private static final String RELAY = "face-pas-de-calais";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void relayCoversPasDeCalais() {
        Fixtures.registerRelay(RELAY, "62").statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    @Test
    void submittedForwardedAcceptedConfirmed_andThePupilsOtherCandidaciesAreCancelled() {
        Fixtures.Offer offer = offer("62", 2, W05);
        Fixtures.Offer other = offer("01", 2, W06);
        String uai = school("62", "REP_PLUS");
        UUID pupil = UUID.randomUUID();
        String pupilToken = pupilToken(pupil, uai);

        UUID id = applied(pupil, uai, offer, W05);
        UUID elsewhere = applied(pupil, uai, other, W06);
        given().header("Authorization", pupilToken).get("/api/v1/applications/" + id).then().statusCode(200)
                .body("state", equalTo("SUBMITTED")).body("relayId", equalTo(RELAY));

        act(relay(RELAY), id, "forward", null).statusCode(200).body("state", equalTo("FORWARDED"));
        act(offer.hostBearer(), id, "accept", null).statusCode(200)
                .body("state", equalTo("ACCEPTED"))
                .body("holdExpiresAt", notNullValue());
        seats(offer).statusCode(200).body("weeks[0].held", equalTo(1)).body("weeks[0].consumed", equalTo(0));

        act(pupilToken, id, "confirm", null).statusCode(200)
                .body("state", equalTo("CONFIRMED"))
                .body("agreementId", notNullValue())
                .body("holdExpiresAt", nullValue())
                .body("history.action", equalTo(java.util.List.of("submit", "forward", "accept", "confirm")))
                .body("history[3].role", equalTo("pupil"))
                .body("history[3].from", equalTo("ACCEPTED"));
        seats(offer).statusCode(200).body("weeks[0].held", equalTo(0)).body("weeks[0].consumed", equalTo(1))
                .body("weeks[0].free", equalTo(1));

        given().header("Authorization", pupilToken).get("/api/v1/applications/" + elsewhere).then().statusCode(200)
                .body("state", equalTo("CANCELLED"))
                .body("history[-1].action", equalTo("cancel"))
                .body("history[-1].role", equalTo("system"))
                .body("history[-1].reason", equalTo("confirmed elsewhere"));

        // no new candidacy after a confirmed internship
        apply(pupilToken, offer("01", 1, W06).id, W06, null).statusCode(409)
                .body("detail", containsString("confirmed internship"));
    }

    @Test
    void anActionTheTableDoesNotAllowIsRefusedWithTheCurrentState() {
        Fixtures.Offer offer = offer("62", 2, W05);
        String uai = school("62", "REP");
        UUID pupil = UUID.randomUUID();
        String pupilToken = pupilToken(pupil, uai);
        UUID id = applied(pupil, uai, offer, W05);

        // the host does not see a candidacy the relay has not forwarded yet
        act(offer.hostBearer(), id, "accept", null).statusCode(403).contentType("application/problem+json");
        // roles the table never names for an action
        act(pupilToken, id, "accept", null).statusCode(403);
        act(pupilToken, id, "forward", null).statusCode(403);
        act(offer.hostBearer(), id, "confirm", null).statusCode(403);
        // a state the action does not start from
        act(pupilToken, id, "confirm", null).statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Illegal transition"))
                .body("currentState", equalTo("SUBMITTED"))
                .body("action", equalTo("confirm"));

        act(relay(RELAY), id, "forward", null).statusCode(200);
        act(relay(RELAY), id, "forward", null).statusCode(409).body("currentState", equalTo("FORWARDED"));
        act(relay(RELAY), id, "reject", "complet").statusCode(409).body("currentState", equalTo("FORWARDED"));
        act(offer.hostBearer(), id, "complete", null).statusCode(409).body("currentState", equalTo("FORWARDED"));
        // a reason is required to reject
        act(offer.hostBearer(), id, "reject", null).statusCode(400).body("violations[0].field", equalTo("reason"));
        act(offer.hostBearer(), id, "reject", "   ").statusCode(400);
        act(offer.hostBearer(), id, "reject", "x".repeat(501)).statusCode(400);
        act(offer.hostBearer(), id, "reject", "Plus de tuteur disponible cette semaine").statusCode(200)
                .body("state", equalTo("REJECTED"))
                .body("history[-1].reason", equalTo("Plus de tuteur disponible cette semaine"))
                .body("history[-1].role", equalTo("host"));
        act(pupilToken, id, "cancel", "je change d'avis").statusCode(409).body("currentState", equalTo("REJECTED"));
        act(relay(RELAY), UUID.randomUUID(), "forward", null).statusCode(404);
        // a rejected candidacy still blocks the same offer and week
        apply(pupilToken, offer.id, W05, null).statusCode(409);
    }

    @Test
    void cancellingAnAcceptedCandidacyReleasesItsSeatAndACancelledOneMayBeAppliedForAgain() {
        Fixtures.Offer offer = offer("01", 1, W05);
        String uai = school("01", "REP");
        UUID pupil = UUID.randomUUID();
        String token = pupilToken(pupil, uai);
        UUID id = applied(pupil, uai, offer, W05);
        act(offer.hostBearer(), id, "accept", null).statusCode(200);
        seats(offer).body("weeks[0].held", equalTo(1)).body("weeks[0].free", equalTo(0));
        act(token, id, "cancel", null).statusCode(400);
        act(token, id, "cancel", "j'ai trouvé ailleurs").statusCode(200).body("state", equalTo("CANCELLED"));
        seats(offer).body("weeks[0].held", equalTo(0)).body("weeks[0].free", equalTo(1));
        apply(token, offer.id, W05, null).statusCode(201);
    }

    @Test
    void listsAreScopedToTheCaller() {
        Fixtures.Offer offer = offer("62", 3, W05);
        String uai = school("62", "REP");
        UUID inClass = Fixtures.pupil(uai, "3A", "REP");
        UUID otherClass = Fixtures.pupil(uai, "3B", "REP");
        UUID a = UUID.fromString(apply(principal(uai), offer.id, W05, inClass).statusCode(201).extract().path("id"));
        UUID b = UUID.fromString(apply(principal(uai), offer.id, W05, otherClass).statusCode(201).extract().path("id"));
        String otherSchool = Fixtures.uai();

        given().header("Authorization", pupilToken(inClass, uai)).get("/api/v1/applications").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(a.toString()));
        given().header("Authorization", principal(uai)).get("/api/v1/applications?offerId=" + offer.id).then()
                .statusCode(200).body("totalItems", equalTo(2));
        given().header("Authorization", mainTeacher(uai, "3A")).get("/api/v1/applications").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].classId", equalTo("3A"));
        given().header("Authorization", mainTeacher(uai, "3A")).get("/api/v1/applications/" + b).then().statusCode(403);
        given().header("Authorization", principal(otherSchool)).get("/api/v1/applications").then().statusCode(200)
                .body("totalItems", equalTo(0));
        given().header("Authorization", principal(otherSchool)).get("/api/v1/applications/" + a).then().statusCode(403);
        // the host sees only what the relay forwarded to it
        given().header("Authorization", offer.hostBearer()).get("/api/v1/applications").then().body("totalItems", equalTo(0));
        act(relay(RELAY), a, "forward", null).statusCode(200);
        given().header("Authorization", offer.hostBearer()).get("/api/v1/applications").then()
                .body("totalItems", equalTo(1)).body("items.id", hasItem(a.toString()));
        given().header("Authorization", relay(RELAY)).get("/api/v1/applications?state=SUBMITTED").then()
                .body("items.id", hasItem(b.toString()));
        given().header("Authorization", relay("face-ailleurs")).get("/api/v1/applications/" + a).then().statusCode(403);
        given().header("Authorization", relay("face-ailleurs")).get("/api/v1/applications").then().body("items", hasSize(0));
        given().header("Authorization", TestTokens.as(Roles.TERRITORY).claim("departments", java.util.List.of("62")).bearer())
                .get("/api/v1/applications?offerId=" + offer.id).then().body("totalItems", equalTo(2));
        given().header("Authorization", TestTokens.as(Roles.MINISTRY).claim("ministry", "MINARM").bearer())
                .get("/api/v1/applications/" + a).then().statusCode(200);
        given().header("Authorization", TestTokens.as(Roles.OPERATOR).claim("operator", "jobirl").bearer())
                .get("/api/v1/applications").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", principal(uai)).get("/api/v1/applications?size=101").then().statusCode(400);
        given().header("Authorization", principal(uai)).get("/api/v1/applications?state=NOPE").then().statusCode(400)
                .body("violations[0].field", equalTo("state"));
    }
}
