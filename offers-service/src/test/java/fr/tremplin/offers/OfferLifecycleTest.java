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
import static fr.tremplin.offers.OfferFixtures.host;
import static fr.tremplin.offers.OfferFixtures.offer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class OfferLifecycleTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void hostDraftsPublishesEditsAndRemovesAnOffer() {
        OfferFixtures.Host host = host("Boulangerie Lumière");
        String id = given().header("Authorization", host.bearer()).contentType(ContentType.JSON)
                .body(offer("Découvrir la boulangerie", "Pétrir, cuire, vendre.", SECTOR_MODE))
                .post("/api/v1/offers")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/offers/"))
                .body("status", equalTo("DRAFT"))
                .body("organisationName", equalTo("Boulangerie Lumière"))
                .body("weeks", hasSize(2))
                .body("weeks[0].freeSeats", is(2))
                .extract().path("id");

        // a draft is invisible to anybody else
        given().get("/api/v1/offers/" + id).then().statusCode(404)
                .contentType("application/problem+json");

        given().header("Authorization", host.bearer()).post("/api/v1/offers/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));
        given().get("/api/v1/offers/" + id).then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.startsWith("\"1."))
                .body("title", equalTo("Découvrir la boulangerie"));

        Map<String, Object> edited = offer("Découvrir la boulangerie artisanale", "Pétrir, cuire, vendre.", SECTOR_MODE);
        given().header("Authorization", host.bearer()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(edited).put("/api/v1/offers/" + id)
                .then().statusCode(200).body("version", is(2)).body("title", equalTo("Découvrir la boulangerie artisanale"));

        // someone editing the old version is refused and changes nothing
        given().header("Authorization", host.bearer()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(offer("Écrasé", "Pétrir.", SECTOR_MODE)).put("/api/v1/offers/" + id)
                .then().statusCode(409).contentType("application/problem+json");
        given().get("/api/v1/offers/" + id).then().body("title", equalTo("Découvrir la boulangerie artisanale"));

        given().header("Authorization", host.bearer()).delete("/api/v1/offers/" + id)
                .then().statusCode(200).body("status", equalTo("REMOVED"));
        given().get("/api/v1/offers/" + id).then().statusCode(404);
    }

    @Test
    void anEditNamesTheVersionItWasMadeOn() {
        OfferFixtures.Host host = host("Fleuriste des Halles");
        String id = given().header("Authorization", host.bearer()).contentType(ContentType.JSON)
                .body(offer("Fleuriste", "Composer des bouquets.", SECTOR_MODE))
                .post("/api/v1/offers").then().statusCode(201).body("version", is(0)).extract().path("id");

        // no version at all: the caller must say what it edited
        given().header("Authorization", host.bearer()).contentType(ContentType.JSON)
                .body(offer("Fleuriste d'un jour", "Composer des bouquets.", SECTOR_MODE)).put("/api/v1/offers/" + id)
                .then().statusCode(428).contentType("application/problem+json")
                .body("detail", containsString("If-Match"));
        // an If-Match that is not a version
        given().header("Authorization", host.bearer()).header("If-Match", "\"latest\"").contentType(ContentType.JSON)
                .body(offer("Fleuriste d'un jour", "Composer des bouquets.", SECTOR_MODE)).put("/api/v1/offers/" + id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.contains("If-Match"));
        // the body's version when there is no If-Match
        Map<String, Object> edited = offer("Fleuriste d'un jour", "Composer des bouquets.", SECTOR_MODE);
        edited.put("version", 0);
        given().header("Authorization", host.bearer()).contentType(ContentType.JSON).body(edited)
                .put("/api/v1/offers/" + id).then().statusCode(200).body("version", is(1));
        // If-Match, weak or not, wins over the body's version
        edited.put("version", 0);
        given().header("Authorization", host.bearer()).header("If-Match", "W/\"1\"").contentType(ContentType.JSON)
                .body(edited).put("/api/v1/offers/" + id).then().statusCode(200).body("version", is(2));
        given().header("Authorization", host.bearer()).contentType(ContentType.JSON).body(edited)
                .put("/api/v1/offers/" + id).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("now 2"));
    }

    @Test
    void anotherHostCannotTouchTheOffer() {
        OfferFixtures.Host owner = host("Garage du Centre");
        String id = OfferFixtures.published(owner, offer("Mécanique auto", "Réparer des voitures.", SECTOR_MODE));
        String intruder = TestTokens.as(Roles.HOST).claim("organisation", UUID.randomUUID().toString()).bearer();

        given().header("Authorization", intruder).post("/api/v1/offers/" + id + "/unpublish")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", TestTokens.as(Roles.PUPIL).claim("school", "0010035H").bearer())
                .contentType(ContentType.JSON).body(offer("x", "y", SECTOR_MODE)).post("/api/v1/offers")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(offer("x", "y", SECTOR_MODE)).post("/api/v1/offers")
                .then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/offers/" + id).then().statusCode(200).body("status", equalTo("PUBLISHED"));
    }
}
