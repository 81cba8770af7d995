package fr.tremplin.offers;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static fr.tremplin.offers.OfferFixtures.SECTOR_MODE;
import static fr.tremplin.offers.OfferFixtures.host;
import static fr.tremplin.offers.OfferFixtures.offer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** Bad input gets a problem+json 4xx naming the field, and writes nothing. */
@QuarkusTest
class OfferValidationTest {

    private OfferFixtures.Host host;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void aHost() {
        host = host("Menuiserie Validée");
    }

    private void refused(Object body, int status, String field) {
        given().header("Authorization", host.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/offers")
                .then().statusCode(status).contentType("application/problem+json")
                .body("status", is(status))
                .body("type", containsString("/problems/"))
                .body("title", org.hamcrest.Matchers.notNullValue())
                .body("violations.field", hasItem(field))
                .body("detail", not(containsString("Exception")));
        nothingWritten();
    }

    private void nothingWritten() {
        given().header("Authorization", host.bearer()).get("/api/v1/offers/managed")
                .then().statusCode(200).body("totalItems", is(0));
    }

    private Map<String, Object> valid() {
        return offer("Menuiserie", "Fabriquer une chaise.", SECTOR_MODE);
    }

    @Test
    void malformedJson() {
        given().header("Authorization", host.bearer()).contentType(ContentType.JSON).body("{\"title\": \"oops\",")
                .post("/api/v1/offers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"));
        nothingWritten();
    }

    @Test
    void wrongTypes() {
        Map<String, Object> offer = valid();
        offer.put("capacityPerWeek", "three");
        refused(offer, 400, "capacityPerWeek");
        offer = valid();
        offer.put("reservation", "VIP");
        refused(offer, 400, "reservation");
        offer = valid();
        offer.put("weeks", "2028-W05");
        refused(offer, 400, "weeks");
        offer = valid();
        offer.put("capacityPerWeak", 3);
        refused(offer, 400, "capacityPerWeak");
    }

    @Test
    void missingAndTooLongFields() {
        Map<String, Object> offer = valid();
        offer.remove("title");
        refused(offer, 400, "title");
        offer = valid();
        offer.put("title", "t".repeat(151));
        refused(offer, 400, "title");
        offer = valid();
        offer.put("description", "d".repeat(2001));
        refused(offer, 400, "description");
        offer = valid();
        offer.put("capacityPerWeek", 0);
        refused(offer, 400, "capacityPerWeek");
    }

    @Test
    void outOfRangeWeeksAndWeeksOutsideTheSchoolYear() {
        Map<String, Object> offer = valid();
        offer.put("weeks", List.of("2028-W54"));
        refused(offer, 400, "weeks[0]");
        offer = valid();
        offer.put("weeks", List.of("2027-W53")); // 2027 has 52 ISO weeks
        refused(offer, 422, "weeks[0]");
        offer = valid();
        offer.put("weeks", List.of("2028-W05", "2028-W26")); // late June: school is over
        refused(offer, 422, "weeks[1]");
        offer = valid();
        offer.put("schoolYear", "2027-2029");
        refused(offer, 422, "schoolYear");
    }

    @Test
    void unknownSectorOrMinistryAndPublicWithoutMinistry() {
        Map<String, Object> offer = valid();
        offer.put("sectorId", "not-a-sector");
        refused(offer, 422, "sectorId");
        offer = valid();
        offer.put("publicSector", true);
        offer.put("ministryCode", "MINTEMPS");
        refused(offer, 422, "ministryCode");
        offer = valid();
        offer.put("publicSector", true);
        refused(offer, 422, "ministryCode");
    }

    @Test
    void badUaiAndAddress() {
        Map<String, Object> offer = valid();
        offer.put("reservation", "SCHOOL");
        offer.put("reservedSchoolUai", "065 0740B");
        refused(offer, 400, "reservedSchoolUai");
        offer = valid();
        offer.put("reservation", "SCHOOL");
        refused(offer, 422, "reservedSchoolUai");
        offer = valid();
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) offer.get("address");
        address.put("department", "1");
        address.put("latitude", 91);
        refused(offer, 400, "address.department");
        refused(offer, 400, "address.latitude");
    }

    @Test
    void aValidOfferWithTheSameHostIsAccepted() {
        given().header("Authorization", host.bearer()).contentType(ContentType.JSON).body(valid())
                .post("/api/v1/offers").then().statusCode(201);
        given().header("Authorization", host.bearer()).get("/api/v1/offers/managed")
                .then().statusCode(200).body("totalItems", is(1));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesOneOffer() {
        String first = given().header("Authorization", host.bearer()).header("Idempotency-Key", "k-1")
                .contentType(ContentType.JSON).body(valid()).post("/api/v1/offers")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", host.bearer()).header("Idempotency-Key", "k-1")
                .contentType(ContentType.JSON).body(valid()).post("/api/v1/offers")
                .then().statusCode(201).body("id", equalTo(first));
        given().header("Authorization", host.bearer()).header("Idempotency-Key", "k-1")
                .contentType(ContentType.JSON).body(offer("Autre chose", "Autre.", SECTOR_MODE)).post("/api/v1/offers")
                .then().statusCode(422).body("violations.field", contains("Idempotency-Key"));
        given().header("Authorization", host.bearer()).get("/api/v1/offers/managed")
                .then().statusCode(200).body("totalItems", is(1));
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsToo() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", host.bearer()).get("/api/v1/offers/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", "Bearer not.a.token").get("/api/v1/offers/managed")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
