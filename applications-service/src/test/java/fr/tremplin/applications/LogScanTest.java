package fr.tremplin.applications;

import fr.tremplin.testing.AccessLogOnProfile;
import fr.tremplin.testing.LogCapture;
import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.W06;
import static fr.tremplin.applications.Fixtures.W07;
import static fr.tremplin.applications.Fixtures.act;
import static fr.tremplin.applications.Fixtures.offer;
import static fr.tremplin.applications.Fixtures.principal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret and no minor's data in any log (issue 10): the service's main flows run with the access log on, and
 * every line it writes, whatever the logger and level, is searched for each motivation, reason, tutor, signing
 * link, relay id, pupil id and token the scenario used.
 */
@QuarkusTest
@TestProfile(AccessLogOnProfile.class)
class LogScanTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aWholeScenarioWritesNoneOfItsPersonalDataOrSecretsInAnyLogLine() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> secrets = new LinkedHashMap<>();
        try (LogCapture logs = LogCapture.start()) {
            String relayId = "relais-" + tag;
            secrets.put("relay id", relayId);
            String uai = Fixtures.school("01", "REP");
            // its own département, so that the candidacies below go straight to the hosts
            Fixtures.registerRelay(relayId, "02").statusCode(201);
            String relay = Fixtures.relay(relayId);
            given().header("Authorization", relay).get("/api/v1/relays/" + relayId + "/queue").then().statusCode(200);
            given().header("Authorization", relay).post("/api/v1/relays/" + relayId + "/queue/claim").then()
                    .statusCode(200);
            given().header("Authorization", relay).delete("/api/v1/relays/" + relayId + "/queue/claim").then()
                    .statusCode(204);

            Fixtures.Offer first = offer("01", 2, W05);
            Fixtures.Offer second = offer("01", 2, W06);
            Fixtures.Offer third = offer("01", 2, W07);
            UUID pupil = UUID.randomUUID();
            secrets.put("pupil id", pupil.toString());
            Instant t0 = Instant.now();
            TestEvents.awaitProcessed(Fixtures.publishPupil("pupil.enrolled", pupil, uai, "3A", "REP", t0));
            String bearer = Fixtures.pupilToken(pupil, uai);
            secrets.put("pupil's token", bearer.substring("Bearer ".length()));
            secrets.put("host's token", first.hostBearer().substring("Bearer ".length()));

            // C: rejected by the host with a reason
            UUID c = submit(bearer, third, W07, secrets, "motivation C", "Motivation C " + tag + " : les chevaux", null);
            secrets.put("reject reason", "Refus " + tag + " : plus de place au haras");
            act(third.hostBearer(), c, "reject", secrets.get("reject reason")).statusCode(200);
            // B: cancelled by the pupil with a reason
            UUID b = submit(bearer, second, W06, secrets, "motivation B", "Motivation B " + tag + " : ma tante", null);
            secrets.put("cancel reason", "Annulation " + tag + " : déménagement à Lyon");
            act(bearer, b, "cancel", secrets.get("cancel reason")).statusCode(200);
            // A: accepted with a reason, confirmed, a tutor named, the family signs through its link
            UUID a = submit(bearer, first, W05, secrets, "motivation A", "Motivation A " + tag + " : j'aime le bois",
                    "logscan-" + tag);
            // the same candidacy again: refused (a unique index on pupil, offer and week stands behind the check)
            given().header("Authorization", bearer).contentType(ContentType.JSON)
                    .body(Map.of("offerId", first.id.toString(), "week", W05, "motivation", "encore"))
                    .post("/api/v1/applications").then().statusCode(409);
            secrets.put("accept reason", "Accord " + tag + " : bon profil");
            act(first.hostBearer(), a, "accept", secrets.get("accept reason")).statusCode(200);
            String agreement = "/api/v1/agreements/"
                    + act(bearer, a, "confirm", null).statusCode(200).extract().path("agreementId");
            secrets.put("tutor's name", "Tuteur " + tag + " Dupont");
            secrets.put("tutor's function", "Fonction " + tag + " menuisière");
            given().header("Authorization", first.hostBearer()).contentType(ContentType.JSON)
                    .body(Map.of("name", secrets.get("tutor's name"), "function", secrets.get("tutor's function")))
                    .put(agreement + "/tutor").then().statusCode(200);
            String principal = principal(uai);
            secrets.put("principal's token", principal.substring("Bearer ".length()));
            // the family part, the week, the document, a signature under a name (issue 16)
            secrets.put("pupil's name", "Élève " + tag + " Martin");
            secrets.put("legal representative's name", "Parent " + tag + " Martin");
            secrets.put("activities", "Activités " + tag + " : atelier");
            secrets.put("principal's name", "Principale " + tag + " Durand");
            given().header("Authorization", principal).contentType(ContentType.JSON)
                    .body(Map.of("pupilName", secrets.get("pupil's name"),
                            "legalRepresentativeName", secrets.get("legal representative's name")))
                    .put(agreement + "/family").then().statusCode(200);
            given().header("Authorization", first.hostBearer()).contentType(ContentType.JSON)
                    .body(Map.of("dailyHours", List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "12:00",
                            "breakMinutes", 0)), "activities", secrets.get("activities")))
                    .put(agreement + "/schedule").then().statusCode(200);
            given().header("Authorization", principal).get(agreement + "/document").then().statusCode(200);
            given().header("Authorization", principal).contentType(ContentType.JSON)
                    .body(Map.of("signerName", secrets.get("principal's name"))).post(agreement + "/sign").then()
                    .statusCode(200);
            String link = given().header("Authorization", principal).post(agreement + "/signing-link").then()
                    .statusCode(201).extract().path("token");
            secrets.put("signing link", link);
            given().get("/api/v1/signatures/" + link).then().statusCode(200);
            given().get("/api/v1/signatures/" + link + "/document").then().statusCode(200);
            // the family gives its own contact through the link (the token in the body), then signs
            secrets.put("family's address", "famille-" + tag + "@exemple.fr");
            secrets.put("family's phone", "+33 6 " + Math.abs(tag.hashCode() % 90_000_000 + 10_000_000));
            secrets.put("corrected representative's name", "Parent " + tag + " Martin-Corrigé");
            given().contentType(ContentType.JSON).body(Map.of("token", link, "email", secrets.get("family's address"),
                            "phone", secrets.get("family's phone"),
                            "legalRepresentativeName", secrets.get("corrected representative's name")))
                    .put("/api/v1/signatures/family-contact").then().statusCode(200);
            given().contentType(ContentType.JSON).body(Map.of("token", link, "email", "pas-une-adresse",
                    "legalRepresentativeName", secrets.get("corrected representative's name")))
                    .put("/api/v1/signatures/family-contact").then().statusCode(400);
            given().header("Authorization", principal).post(agreement + "/sign").then().statusCode(200);
            given().post("/api/v1/signatures/" + link).then().statusCode(200);
            given().post("/api/v1/signatures/" + link).then().statusCode(404);

            // refusals log too: a forged token, a malformed body holding a motivation
            String forged = TestTokens.invalidAuthorizations().get("forged signature");
            secrets.put("forged token", forged.substring("Bearer ".length()));
            given().header("Authorization", forged).get("/api/v1/applications/" + a).then().statusCode(401);
            given().header("Authorization", bearer).contentType(ContentType.JSON)
                    .body("{\"offerId\":\"" + first.id + "\",\"week\":\"" + W05 + "\",\"motivation\":\""
                            + secrets.get("motivation A") + "\",\"motivation\":\"x\"}")
                    .post("/api/v1/applications").then().statusCode(400);

            // the pupil is erased: the erasure logs nothing of them either
            TestEvents.awaitProcessed(Fixtures.publishPupil("pupil.erased", pupil, null, null, null,
                    t0.plusSeconds(10)));

            assertThat(logs.linesHolding(" /api/v1/")).as("the access log was on and captured").isNotEmpty();
            assertThat(logs.leaks(secrets)).isEmpty();
        }
    }

    private static UUID submit(String bearer, Fixtures.Offer offer, String week, Map<String, String> secrets,
                               String what, String motivation, String idempotencyKey) {
        secrets.put(what, motivation);
        var request = given().header("Authorization", bearer).contentType(ContentType.JSON);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return UUID.fromString(request.body(Map.of("offerId", offer.id.toString(), "week", week, "motivation", motivation))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id"));
    }
}
