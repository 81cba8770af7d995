package fr.tremplin.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.tremplin.gateway.support.DegradedProfile;
import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** applications-service is down, the limits are tiny: each test uses its own token subject to stay within them. */
@QuarkusTest
@TestProfile(DegradedProfile.class)
class DegradedPlatformTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void a_service_that_is_down_gives_a_502_problem() {
        given().header("Authorization", TestTokens.as("pupil").subject("down-tester").bearer())
                .contentType("application/json").body("{\"offerId\":\"o-1\"}")
                .when().post("/api/v1/applications")
                .then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tremplin.beta.gouv.fr/problems/bad-gateway"))
                .body("title", equalTo("Bad gateway"))
                .body("status", equalTo(502))
                .body("detail", containsString("applications"))
                .body(not(containsString("Exception")));
    }

    @Test
    void a_service_too_slow_gives_a_504_problem() {
        given().header("Authorization", TestTokens.as("admin").subject("slow-tester").bearer())
                .when().get("/api/v1/statistics/slow")
                .then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tremplin.beta.gouv.fr/problems/gateway-timeout"))
                .body("status", equalTo(504))
                .body("detail", containsString("offers"));
    }

    @Test
    void anonymous_clients_are_limited_by_address() {
        for (int i = 0; i < DegradedProfile.ANONYMOUS_BURST; i++) {
            given().when().get("/api/v1/offers").then().statusCode(200);
        }
        assertRateLimited(given().when().get("/api/v1/offers"));
    }

    @Test
    void authenticated_clients_are_limited_by_subject_with_their_own_limit() {
        String token = TestTokens.as("operator").subject("busy-operator").sign();
        for (int i = 0; i < DegradedProfile.AUTHENTICATED_BURST; i++) {
            given().header("Authorization", "Bearer " + token).when().get("/api/v1/offers").then().statusCode(200);
        }
        assertRateLimited(given().header("Authorization", "Bearer " + token).when().get("/api/v1/offers"));
        // Another subject from the same address has its own bucket.
        given().header("Authorization", TestTokens.as("operator").subject("calm-operator").bearer())
                .when().get("/api/v1/offers").then().statusCode(200);
    }

    @Test
    void the_merged_document_leaves_out_the_service_that_is_down() {
        JsonPath doc = given().when().get("/q/openapi").then().statusCode(200).extract().jsonPath();

        assertThat(doc.getList("x-unavailable-services")).containsExactly("applications");
        assertThat(doc.getMap("paths")).containsKeys("/api/v1/offers", "/api/v1/pupils").doesNotContainKey("/api/v1/applications");
    }

    @Test
    void the_gateway_stays_ready_while_a_service_is_down() throws InterruptedException {
        // The probe asks in the background; readiness reports what it learnt without waiting for it.
        Map<String, String> upstreams = Map.of();
        for (int i = 0; i < 50; i++) {
            upstreams = given().when().get("/q/health/ready")
                    .then().statusCode(200).body("status", equalTo("UP"))
                    .extract().path("checks.find { it.name == 'gateway' }.data");
            if (!upstreams.containsValue("UNKNOWN")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(upstreams).containsEntry("upstream.applications", "DOWN").containsEntry("upstream.offers", "UP");
        assertThat(given().when().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("tremplin_gateway_upstream_up{upstream=\"applications\"} 0.0")
                .contains("tremplin_gateway_upstream_up{upstream=\"offers\"} 1.0");
    }

    private static void assertRateLimited(Response response) {
        response.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tremplin.beta.gouv.fr/problems/rate-limited"))
                .body("status", equalTo(429));
        long retryAfter = Long.parseLong(response.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 20L);
    }
}
