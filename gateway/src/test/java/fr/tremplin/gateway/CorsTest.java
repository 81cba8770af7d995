package fr.tremplin.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.tremplin.gateway.support.GatewayTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class CorsTest {

    private static final String FRONT = "https://front.tremplin.test";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void a_preflight_from_a_known_front_end_is_answered_by_the_gateway() {
        Response response = given()
                .header("Origin", FRONT)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match,idempotency-key")
                .when().options("/api/v1/offers/o-1")
                .then().statusCode(200).extract().response();

        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(FRONT);
        assertThat(response.header("Access-Control-Allow-Methods")).contains("PUT");
        assertThat(response.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization", "content-type", "if-match", "idempotency-key");
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void the_headers_a_front_end_needs_are_exposed() {
        Response response = given().header("Origin", FRONT)
                .when().get("/api/v1/offers")
                .then().statusCode(200).extract().response();

        assertThat(response.header("Access-Control-Expose-Headers"))
                .contains("X-Request-Id", "Retry-After", "ETag", "Location");
    }

    @Test
    void an_unknown_origin_gets_no_cors_grant() {
        Response response = given()
                .header("Origin", "https://elsewhere.test")
                .header("Access-Control-Request-Method", "DELETE")
                .when().options("/api/v1/offers/o-1")
                .then().extract().response();

        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }
}
