package fr.tremplin.offers;

import fr.tremplin.common.security.Roles;
import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.tremplin.offers.OfferFixtures.SECTOR_MODE;
import static fr.tremplin.offers.OfferFixtures.host;
import static fr.tremplin.offers.OfferFixtures.offer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/**
 * No offer takes a week that has begun (its Monday is today or earlier, by the service's clock), on every route
 * that writes weeks; an edit may keep the begun weeks the offer already had. The clock is fixed on Wednesday
 * 2 February 2028, in the week 2028-W05 of the fixtures' offers.
 */
@QuarkusTest
class BegunWeeksTest {

    private static final Instant WEDNESDAY_OF_2028_W05 = Instant.parse("2028-02-02T09:00:00Z");
    /** Before the school year 2027-2028 of the fixtures' offers, whatever the real date. */
    private static final Instant SEPTEMBER_2027 = Instant.parse("2027-09-01T09:00:00Z");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void realTime() {
        FixedClock.reset();
    }

    private static String operator(String name) {
        return TestTokens.as(Roles.OPERATOR).claim("operator", name).bearer();
    }

    private static Map<String, Object> pushed(String title, List<String> weeks) {
        Map<String, Object> offer = offer(title, "Une semaine à l'atelier.", SECTOR_MODE);
        offer.put("weeks", weeks);
        offer.put("organisation", Map.of("name", "Atelier Lemoine", "siret", "98765432109876",
                "publicSector", false, "zipcode", "01100", "city", "Oyonnax"));
        return offer;
    }

    @Test
    void aNewOfferForAWeekThatHasBegunIsRefusedNamingTheWeek() {
        OfferFixtures.Host host = host("Menuiserie du Lundi");
        FixedClock.fix(WEDNESDAY_OF_2028_W05);
        Map<String, Object> offer = offer("Menuiserie", "Fabriquer une chaise.", SECTOR_MODE);
        offer.put("weeks", List.of("2028-W06", "2028-W05"));

        given().header("Authorization", host.bearer()).contentType(ContentType.JSON).body(offer)
                .post("/api/v1/offers")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", contains("weeks[1]"))
                .body("violations[0].message", containsString("2028-W05 has begun"))
                .body("detail", containsString("2028-W05"));
        given().header("Authorization", host.bearer()).get("/api/v1/offers/managed")
                .then().statusCode(200).body("totalItems", is(0));

        offer.put("weeks", List.of("2028-W06"));
        given().header("Authorization", host.bearer()).contentType(ContentType.JSON).body(offer)
                .post("/api/v1/offers").then().statusCode(201);
    }

    @Test
    void anEditKeepsTheBegunWeeksTheOfferHadButAddsNoOther() {
        OfferFixtures.Host host = host("Menuiserie du Mardi");
        FixedClock.fix(SEPTEMBER_2027);
        Map<String, Object> offer = offer("Menuiserie", "Fabriquer une table.", SECTOR_MODE); // 2028-W05, 2028-W06
        String id = given().header("Authorization", host.bearer()).contentType(ContentType.JSON).body(offer)
                .post("/api/v1/offers").then().statusCode(201).extract().path("id");
        FixedClock.fix(WEDNESDAY_OF_2028_W05);

        Map<String, Object> edited = new HashMap<>(offer);
        edited.put("weeks", List.of("2028-W04", "2028-W05", "2028-W06"));
        given().header("Authorization", host.bearer()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(edited).put("/api/v1/offers/" + id)
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", contains("weeks[0]"))
                .body("violations[0].message", containsString("2028-W04 has begun"));
        given().header("Authorization", host.bearer()).get("/api/v1/offers/" + id)
                .then().statusCode(200).body("version", is(0))
                .body("weeks.week", contains("2028-W05", "2028-W06"));

        edited.put("weeks", List.of("2028-W05", "2028-W06", "2028-W07"));
        edited.put("capacityPerWeek", 3);
        given().header("Authorization", host.bearer()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(edited).put("/api/v1/offers/" + id)
                .then().statusCode(200).body("weeks.week", contains("2028-W05", "2028-W06", "2028-W07"))
                .body("capacityPerWeek", is(3));
    }

    @Test
    void anOperatorCannotPushAWeekThatHasBegunOneByOneOrInABatch() {
        String bearer = operator("begun-weeks");
        FixedClock.fix(WEDNESDAY_OF_2028_W05);

        given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body(pushed("Tapissier", List.of("2028-W05"))).put("/api/v1/operator/offers/BEGUN-1")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", contains("weeks[0]"))
                .body("violations[0].message", containsString("2028-W05 has begun"));
        given().header("Authorization", bearer).get("/api/v1/operator/offers").then().body("totalItems", is(0));

        List<Map<String, Object>> items = List.of(
                Map.of("externalRef", "BEGUN-2", "offer", pushed("Doreur", List.of("2028-W06"))),
                Map.of("externalRef", "BEGUN-3", "offer", pushed("Vernisseur", List.of("2028-W06", "2028-W03"))));
        given().header("Authorization", bearer).contentType(ContentType.JSON).body(Map.of("offers", items))
                .post("/api/v1/operator/offers/batch")
                .then().statusCode(200).body("created", is(1)).body("failed", is(1))
                .body("items.status", contains(201, 422))
                .body("items[1].problem.violations.field", contains("weeks[1]"))
                .body("items[1].problem.violations.message", hasItem(containsString("2028-W03 has begun")));
        given().header("Authorization", bearer).get("/api/v1/operator/offers")
                .then().body("totalItems", is(1)).body("items.externalRef", contains("BEGUN-2"));
    }
}
