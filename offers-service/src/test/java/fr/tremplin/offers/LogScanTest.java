package fr.tremplin.offers;

import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.common.security.Roles;
import fr.tremplin.testing.AccessLogOnProfile;
import fr.tremplin.testing.LogCapture;
import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static fr.tremplin.offers.OfferFixtures.SECTOR_MODE;
import static fr.tremplin.offers.OfferFixtures.offer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret and no personal data in any log (issue 10): a host registers its organisation and publishes an offer,
 * an operator pushes one with its organisation inline, an admin sets a quota, with the access log on; then every
 * line the service wrote, whatever the logger and level, is searched for each name, address, free text, person id
 * and token used.
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
            // a host: its organisation (the contact the pupils see), an offer created, edited, published
            UUID organisationId = UUID.randomUUID();
            String hostId = "host-" + tag;
            secrets.put("host's person id", hostId);
            String host = TestTokens.as(Roles.HOST).subject(hostId).claim("organisation", organisationId.toString())
                    .bearer();
            secrets.put("host's token", host.substring("Bearer ".length()));
            secrets.put("organisation's name", "Menuiserie Dupont " + tag);
            secrets.put("organisation's street", "12 impasse des Lilas " + tag);
            given().header("Authorization", host).contentType(ContentType.JSON)
                    .body(Map.of("name", secrets.get("organisation's name"), "siret", "12345678901234",
                            "publicSector", false, "street", secrets.get("organisation's street"),
                            "zipcode", "01100", "city", "Oyonnax"))
                    .put("/api/v1/organisations/" + organisationId).then().statusCode(201);
            Map<String, Object> offer = offer("Menuisier " + tag, "Demandez Mme Durand " + tag + " à l'accueil.",
                    SECTOR_MODE);
            secrets.put("offer's title", (String) offer.get("title"));
            secrets.put("offer's description", (String) offer.get("description"));
            String id = given().header("Authorization", host).contentType(ContentType.JSON).body(offer)
                    .post("/api/v1/offers").then().statusCode(201).extract().path("id");
            offer.put("description", "Demandez M. Leroy " + tag + " au portail.");
            secrets.put("edited description", (String) offer.get("description"));
            given().header("Authorization", host).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(offer)
                    .put("/api/v1/offers/" + id).then().statusCode(200);
            given().header("Authorization", host).post("/api/v1/offers/" + id + "/publish").then().statusCode(200);
            given().get("/api/v1/offers?q=Menuisier").then().statusCode(200);
            given().get("/api/v1/offers/" + id).then().statusCode(200);

            // an operator pushes an offer with its organisation inline, then withdraws it
            String operator = TestTokens.as(Roles.OPERATOR).claim("operator", "jobirl").bearer();
            secrets.put("operator's token", operator.substring("Bearer ".length()));
            Map<String, Object> pushed = offer("Ébéniste " + tag, "Contact : Mme Morel " + tag, SECTOR_MODE);
            secrets.put("pushed description", (String) pushed.get("description"));
            secrets.put("pushed organisation", "Ébénisterie Morel " + tag);
            pushed.put("organisation", Map.of("name", secrets.get("pushed organisation"), "siret", "98765432109876",
                    "publicSector", false, "zipcode", "01100", "city", "Oyonnax"));
            String ref = "LOG-" + tag;
            given().header("Authorization", operator).contentType(ContentType.JSON).body(pushed)
                    .put("/api/v1/operator/offers/" + ref).then().statusCode(201);
            given().header("Authorization", operator).contentType(ContentType.JSON).body(pushed)
                    .put("/api/v1/operator/offers/" + ref).then().statusCode(200);
            given().header("Authorization", operator).delete("/api/v1/operator/offers/" + ref).then().statusCode(204);

            // an admin sets a quota and changes it
            String adminId = "admin-" + tag;
            secrets.put("admin's person id", adminId);
            String admin = TestTokens.as(Roles.ADMIN).subject(adminId).bearer();
            secrets.put("admin's token", admin.substring("Bearer ".length()));
            String quota = "/api/v1/quotas/" + SchoolCalendar.currentSchoolYear() + "/DEPARTMENT/01";
            given().header("Authorization", admin).contentType(ContentType.JSON)
                    .body(Map.of("deposited", 100, "completed", 50)).put(quota).then().statusCode(201);
            given().header("Authorization", admin).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                    .body(Map.of("deposited", 120, "completed", 50)).put(quota).then().statusCode(200);
            given().header("Authorization", admin).get(quota + "/history").then().statusCode(200);

            // refusals log too: a forged token, a stale edit, a body with a duplicate key holding a free text
            String forged = TestTokens.invalidAuthorizations().get("forged signature");
            secrets.put("forged token", forged.substring("Bearer ".length()));
            given().header("Authorization", forged).get("/api/v1/offers/managed").then().statusCode(401);
            given().header("Authorization", host).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(offer)
                    .put("/api/v1/offers/" + id).then().statusCode(409);
            given().header("Authorization", host).contentType(ContentType.JSON)
                    .body("{\"title\":\"x\",\"description\":\"" + secrets.get("edited description")
                            + "\",\"description\":\"y\"}")
                    .post("/api/v1/offers").then().statusCode(400);
            given().header("Authorization", host).delete("/api/v1/offers/" + id).then().statusCode(200);

            assertThat(logs.linesHolding(" /api/v1/")).as("the access log was on and captured").isNotEmpty();
            assertThat(logs.leaks(secrets)).isEmpty();
        }
    }
}
