package fr.tremplin.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.tremplin.gateway.support.AccessLogCapture;
import fr.tremplin.gateway.support.GatewayTestProfile;
import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class ObservabilityTest {

    private final AccessLogCapture accessLog = new AccessLogCapture();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void captureAccessLog() {
        accessLog.start();
    }

    @AfterEach
    void release() {
        accessLog.stop();
    }

    @Test
    void readiness_is_up_with_what_the_gateway_knows_of_the_services() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'gateway' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'gateway' }.data.'upstream.offers'", org.hamcrest.Matchers.oneOf("UP", "UNKNOWN"));
    }

    @Test
    void requests_are_counted_per_upstream_and_status() {
        given().when().get("/api/v1/sectors").then().statusCode(200);
        given().when().post("/api/v1/signatures/s-1/problem").then().statusCode(409);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).containsPattern("tremplin_gateway_requests_seconds_count\\{[^}]*route=\"/api/v1/sectors\"[^}]*status=\"200\"[^}]*upstream=\"offers\"[^}]*\\} [1-9]");
        assertThat(metrics).containsPattern("tremplin_gateway_requests_seconds_count\\{[^}]*status=\"409\"[^}]*upstream=\"applications\"[^}]*\\} [1-9]");
        assertThat(metrics).contains("tremplin_gateway_upstream_up{upstream=\"schools\"}");
        // Raw paths (one per resource id) must not become time series.
        assertThat(metrics).doesNotContain("uri=\"/api/v1/signatures/s-1/problem\"");
    }

    @Test
    void one_access_line_per_request_without_query_string_token_or_body() throws Exception {
        String token = TestTokens.as("pupil").subject("pupil-9").sign();
        given().header("X-Request-Id", "log-check-1")
                .header("Authorization", "Bearer " + token)
                .contentType("application/json").body("{\"secret\":\"body-content\"}")
                .when().post("/api/v1/pupils/p-9/notes?email=someone%40example.test")
                .then().statusCode(200);

        Map<String, String> line = awaitLine("log-check-1");
        assertThat(line).containsEntry("method", "POST")
                .containsEntry("path", "/api/v1/pupils/{id}/{id}")
                .containsEntry("status", "200")
                .containsEntry("upstream", "schools")
                .containsKey("durationMs");
        assertThat(Long.parseLong(line.get("durationMs"))).isNotNegative();
        String everything = accessLog.lines().toString();
        assertThat(everything).doesNotContain("email", "someone", token, "body-content");
        assertThat(accessLog.lines().stream().filter(l -> "log-check-1".equals(l.get("requestId")))).hasSize(1);
    }

    private Map<String, String> awaitLine(String requestId) throws InterruptedException {
        // The line is written when the response ends, which may be just after the client has read it.
        for (int i = 0; i < 50; i++) {
            for (Map<String, String> line : accessLog.lines()) {
                if (requestId.equals(line.get("requestId"))) {
                    return line;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no access line for " + requestId + " in " + accessLog.lines());
    }
}
