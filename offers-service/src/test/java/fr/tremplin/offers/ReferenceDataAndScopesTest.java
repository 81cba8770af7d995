package fr.tremplin.offers;

import fr.tremplin.common.security.Roles;
import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static fr.tremplin.offers.OfferFixtures.SECTOR_MODE;
import static fr.tremplin.offers.OfferFixtures.offer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;

/** Sectors from the real open data, ministries, organisations, who reads what, and the API's own description. */
@QuarkusTest
class ReferenceDataAndScopesTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void sectorsComeFromTheOpenDataFileWithTheirIdentifiersKeptAsTheyAre() {
        given().get("/api/v1/sectors").then().statusCode(200)
                .body("size()", is(43))
                .body("find { it.name == 'Métiers d\\'art' }.id", equalTo("82738129-au8h-8297-827h-oaieurjeh872"))
                .body("name", hasItem("Édition, librairie, bibliothèque"));
        // importing again changes nothing
        given().header("Authorization", TestTokens.as(Roles.ADMIN).bearer())
                .post("/api/v1/admin/reference-data/import").then().statusCode(200)
                .body("sectorsRead", is(43)).body("sectorsCreated", is(0)).body("sectorsUpdated", is(0));
        given().header("Authorization", TestTokens.as(Roles.HOST).bearer())
                .post("/api/v1/admin/reference-data/import").then().statusCode(403);
        given().get("/api/v1/ministries").then().statusCode(200).body("code", hasItems("MINARM", "MENJ", "MJ"));
    }

    @Test
    void aPublicAdministrationNeedsItsMinistryAndAHostOnlyRegistersItsOwn() {
        UUID id = UUID.randomUUID();
        String host = TestTokens.as(Roles.HOST).claim("organisation", id.toString()).bearer();
        given().header("Authorization", host).contentType(ContentType.JSON)
                .body(Map.of("name", "Base aérienne 105", "publicSector", true))
                .put("/api/v1/organisations/" + id).then().statusCode(422).body("violations.field", contains("ministryCode"));
        given().header("Authorization", host).contentType(ContentType.JSON)
                .body(Map.of("name", "Base aérienne 105", "publicSector", true, "ministryCode", "MINARM"))
                .put("/api/v1/organisations/" + id).then().statusCode(201).body("ministryCode", equalTo("MINARM"));
        given().header("Authorization", host).contentType(ContentType.JSON)
                .body(Map.of("name", "Base aérienne 105 Évreux", "publicSector", true, "ministryCode", "MINARM"))
                .put("/api/v1/organisations/" + id).then().statusCode(200).body("version", is(1));
        given().header("Authorization", host).contentType(ContentType.JSON)
                .body(Map.of("name", "Ailleurs", "publicSector", false))
                .put("/api/v1/organisations/" + UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    void aMinistryReferentReadsItsMinistrysOffersInEveryStatusAndNoOneElses() {
        UUID army = UUID.randomUUID();
        String armyHost = TestTokens.as(Roles.HOST).claim("organisation", army.toString()).bearer();
        given().header("Authorization", armyHost).contentType(ContentType.JSON)
                .body(Map.of("name", "Régiment", "publicSector", true, "ministryCode", "MINARM"))
                .put("/api/v1/organisations/" + army).then().statusCode(201);
        Map<String, Object> offer = offer("Un jour au régiment", "Découvrir l'armée de terre.", SECTOR_MODE);
        offer.put("publicSector", true);
        offer.put("ministryCode", "MINARM");
        String draft = given().header("Authorization", armyHost).contentType(ContentType.JSON).body(offer)
                .post("/api/v1/offers").then().statusCode(201).extract().path("id");

        String armyReferent = TestTokens.as(Roles.MINISTRY).claim("ministry", "MINARM").bearer();
        String justiceReferent = TestTokens.as(Roles.MINISTRY).claim("ministry", "MJ").bearer();
        given().header("Authorization", armyReferent).get("/api/v1/offers/managed").then().statusCode(200)
                .body("items.id", contains(draft)).body("items[0].status", equalTo("DRAFT"));
        given().header("Authorization", armyReferent).get("/api/v1/offers/" + draft).then().statusCode(200);
        given().header("Authorization", justiceReferent).get("/api/v1/offers/managed").then().statusCode(200)
                .body("totalItems", is(0));
        given().header("Authorization", justiceReferent).get("/api/v1/offers/" + draft).then().statusCode(404);
        // reading is not editing
        given().header("Authorization", armyReferent).post("/api/v1/offers/" + draft + "/publish").then().statusCode(403);
        given().header("Authorization", TestTokens.as(Roles.PUPIL).claim("school", "0010035H").bearer())
                .get("/api/v1/offers/managed").then().statusCode(403);
        given().header("Authorization", TestTokens.as(Roles.ADMIN).bearer())
                .get("/api/v1/offers/managed?status=DRAFT").then().statusCode(200).body("items.id", hasItem(draft));
    }

    @Test
    void theOpenApiDocumentDescribesEveryRouteAndHealthAndMetricsAnswer() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/offers"))
                .body("paths", hasKey("/api/v1/offers/{id}/publish"))
                .body("paths", hasKey("/api/v1/operator/offers/{externalRef}"))
                .body("paths", hasKey("/api/v1/operator/offers/batch"))
                .body("paths", hasKey("/api/v1/organisations/{id}"))
                .body("paths.'/api/v1/offers'.post.responses", hasKey("422"))
                .body("components.securitySchemes", hasKey("jwt"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("tremplin_outbox_pending"));
    }
}
