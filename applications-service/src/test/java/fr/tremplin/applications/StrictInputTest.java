package fr.tremplin.applications;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static fr.tremplin.applications.Fixtures.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Issue 10: control characters and lenient JSON are a 400 problem naming the field, never a 500. */
@QuarkusTest
class StrictInputTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void a_nul_in_a_path_segment_or_query_parameter_is_refused_before_any_sql() {
        // the family's signing page is public
        given().urlEncodingEnabled(false).get("/api/v1/signatures/abc%00")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("token"))
                .body("detail", containsString("control characters"));
        given().urlEncodingEnabled(false).header("Authorization", admin()).get("/api/v1/applications?state=%00")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("state"));
    }

    @Test
    void strict_json_on_a_relay() {
        put("{\"name\":\"Relais\\u0000\",\"departments\":[\"80\"]}").statusCode(400)
                .body("violations.field", hasItem("name"));
        put("{\"name\":\"Relais\",\"departments\":[\"80\\u0000\"]}").statusCode(400)
                .body("violations.field", hasItem("departments[0]"));
        put("{\"name\":\"Relais\",\"name\":\"Autre\",\"departments\":[\"80\"]}").statusCode(400)
                .body("title", equalTo("Malformed JSON")).body("violations.field", hasItem("name"));
        put("{\"name\":\"Relais\",\"departments\":[\"80\"]} trailing").statusCode(400)
                .body("title", equalTo("Malformed JSON"));
        put("{\"name\":\"Relais\",\"departments\":[\"80\"]}[]").statusCode(400)
                .body("title", equalTo("Malformed JSON"));
        put("{\"name\":1.5,\"departments\":[\"80\"]}").statusCode(400).body("violations.field", hasItem("name"));
        put("{\"name\":\"Relais\",\"departments\":[80]}").statusCode(400)
                .body("violations.field", hasItem("departments[0]"));
        put("{\"name\":\"Relais\",\"departments\":[\"80\"],\"active\":true}").statusCode(400)
                .body("violations.field", hasItem("active"));
        put("{\"name\":\"Relais\\nde la Somme\",\"departments\":[\"80\"]}").statusCode(201);
    }

    @Test
    void a_duplicate_key_on_an_action_route_is_a_400_not_an_empty_500() {
        given().header("Authorization", Fixtures.relay("relais-strict")).contentType(ContentType.JSON)
                .body("{\"reason\":\"a\",\"reason\":\"b\"}")
                .post("/api/v1/applications/" + UUID.randomUUID() + "/reject")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("reason"));
    }

    private static io.restassured.response.ValidatableResponse put(String body) {
        return given().header("Authorization", admin()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/relays/relais-strict").then();
    }
}
