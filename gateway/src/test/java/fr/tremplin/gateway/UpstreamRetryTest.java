package fr.tremplin.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.tremplin.common.problem.ProblemCatalog;
import fr.tremplin.gateway.support.GatewayTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/** A service closing the connection under a request: idempotent requests without a body are retried once. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class UpstreamRetryTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void an_idempotent_request_is_retried_once_on_a_new_connection() {
        given().header("X-Request-Id", "retry-get-1")
                .when().get("/api/v1/offers/42/flaky-close?page=1")
                .then().statusCode(200)
                .body("service", equalTo("offers"))
                .body("uri", equalTo("/api/v1/offers/42/flaky-close?page=1"));
        given().header("X-Request-Id", "retry-delete-1")
                .when().delete("/api/v1/relays/r-1/flaky-close")
                .then().statusCode(200)
                .body("method", equalTo("DELETE"));
    }

    @Test
    void a_request_that_is_not_idempotent_is_not_retried() {
        given().header("X-Request-Id", "retry-post-1")
                .contentType("application/json").body("{\"a\":1}")
                .when().post("/api/v1/applications/flaky-close")
                .then().statusCode(502)
                .contentType(ProblemCatalog.MEDIA_TYPE)
                .body("type", equalTo(ProblemCatalog.type(502)));
    }

    @Test
    void a_request_with_a_body_is_not_retried() {
        given().header("X-Request-Id", "retry-put-1")
                .contentType("application/json").body("{\"a\":1}")
                .when().put("/api/v1/operator/offers/ref-1/flaky-close")
                .then().statusCode(502);
    }
}
