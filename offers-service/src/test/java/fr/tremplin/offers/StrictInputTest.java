package fr.tremplin.offers;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.testing.RawRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static fr.tremplin.offers.OfferFixtures.SECTOR_MODE;
import static fr.tremplin.offers.OfferFixtures.host;
import static fr.tremplin.offers.OfferFixtures.offer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/** Issue 10: control characters and lenient JSON are a 400 problem naming the field, never a 500. */
@QuarkusTest
class StrictInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OfferFixtures.Host host;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void aHost() {
        host = host("Atelier Strict");
    }

    private String validOffer() throws Exception {
        return JSON.writeValueAsString(offer("Menuiserie", "Fabriquer une chaise.", SECTOR_MODE));
    }

    private io.restassured.response.ValidatableResponse post(String body) {
        return given().header("Authorization", host.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/offers").then().contentType("application/problem+json");
    }

    @Test
    void a_nul_in_a_query_parameter_is_refused_before_any_sql_even_anonymous() {
        given().urlEncodingEnabled(false).get("/api/v1/offers?q=%00")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("q"))
                .body("detail", containsString("control characters"));
        given().urlEncodingEnabled(false).get("/api/v1/offers?q=chaise%01")
                .then().statusCode(400).body("violations.field", hasItem("q"));
    }

    @Test
    void a_request_target_that_is_not_a_uri_is_a_problem_not_a_bare_400() throws Exception {
        for (String target : new String[] {"/api/v1/offers?q=%zz", "/api/v1/offers/%zz", "/api/v1/offers?q={x}"}) {
            String answer = RawRequest.get(RestAssured.port, target);
            assertThat(answer).as(target)
                    .startsWith("HTTP/1.1 400").contains("application/problem+json").contains("not a valid URI");
        }
    }

    @Test
    void a_boolean_parameter_is_true_or_false_not_anything_read_as_false() {
        for (String value : new String[] {"yes", "1", "%20", "vrai"}) {
            given().urlEncodingEnabled(false).get("/api/v1/offers?publicSector=" + value)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("publicSector"));
        }
        given().get("/api/v1/offers?publicSector=true").then().statusCode(200);
        given().get("/api/v1/offers?publicSector=FALSE").then().statusCode(200);
    }

    @Test
    void a_nul_in_a_path_segment_is_refused() {
        given().urlEncodingEnabled(false).get("/api/v1/offers/%00")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("id"));
    }

    @Test
    void a_nul_in_a_json_string_is_refused_and_named_but_line_breaks_stay() throws Exception {
        Map<String, Object> offer = offer("Menui\u0000serie", "Fabriquer une chaise.", SECTOR_MODE);
        post(JSON.writeValueAsString(offer)).statusCode(400)
                .body("violations.field", hasItem("title"))
                .body("detail", containsString("control characters"));
        offer = offer("Menuiserie", "Fabriquer\nune chaise.\r\n\tAvec soin.", SECTOR_MODE);
        given().header("Authorization", host.bearer()).contentType(ContentType.JSON).body(offer)
                .post("/api/v1/offers").then().statusCode(201);
    }

    @Test
    void a_key_given_twice_is_refused_and_named() throws Exception {
        post("{\"title\":\"Doublon\"," + validOffer().substring(1)).statusCode(400)
                .body("title", equalTo("Malformed JSON"))
                .body("violations.field", hasItem("title"));
    }

    @Test
    void trailing_content_is_refused() throws Exception {
        post(validOffer() + " {}").statusCode(400).body("title", equalTo("Malformed JSON"));
        post(validOffer() + " garbage").statusCode(400).body("title", equalTo("Malformed JSON"));
    }

    @Test
    void no_float_truncation_and_no_scalar_coercion() throws Exception {
        Map<String, Object> offer = offer("Menuiserie", "Fabriquer une chaise.", SECTOR_MODE);
        offer.put("capacityPerWeek", 1.5);
        post(JSON.writeValueAsString(offer)).statusCode(400).body("violations.field", hasItem("capacityPerWeek"));
        offer.put("capacityPerWeek", "2");
        post(JSON.writeValueAsString(offer)).statusCode(400).body("violations.field", hasItem("capacityPerWeek"));
        offer.put("capacityPerWeek", 2);
        offer.put("publicSector", 2);
        post(JSON.writeValueAsString(offer)).statusCode(400).body("violations.field", hasItem("publicSector"));
        offer.put("publicSector", false);
        offer.put("isAdmin", true);
        post(JSON.writeValueAsString(offer)).statusCode(400).body("violations.field", hasItem("isAdmin"));
        given().header("Authorization", host.bearer()).get("/api/v1/offers/managed")
                .then().statusCode(200).body("totalItems", is(0));
    }
}
