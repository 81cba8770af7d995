package fr.tremplin.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.tremplin.common.problem.ProblemCatalog;
import fr.tremplin.gateway.edge.PathTemplate;
import fr.tremplin.gateway.support.AccessLogCapture;
import fr.tremplin.gateway.support.GatewayTestProfile;
import fr.tremplin.testing.RawRequest;
import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;

/** Issue 10 at the edge: no secret in the access log, every refusal in problem+json, protective headers. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class EdgeHardeningTest {

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

    // ---- no secret in the access log

    @Test
    void access_log_writes_route_templates_never_tokens_or_ids() throws Exception {
        String signingToken = "Xk9_vQ2-LmZ8pR4tWy7bN3cD6fGh1JsA";
        String pupilId = UUID.randomUUID().toString();
        String relayId = "relay-" + UUID.randomUUID();
        String bearer = TestTokens.as("pupil").subject("pupil-secret-sub").sign();

        given().when().get("/api/v1/signatures/" + signingToken).then().statusCode(200);
        given().when().post("/api/v1/signatures/" + signingToken + "/sign").then().statusCode(200);
        given().header("Authorization", "Bearer " + bearer)
                .when().get("/api/v1/pupils/" + pupilId + "?name=Dupont").then().statusCode(200);
        given().when().delete("/api/v1/relays/" + relayId + "/queue/claim").then().statusCode(200);
        given().when().get("/api/v1/schools/0590001A/pupils").then().statusCode(200);
        // Dot segments do not smuggle a token past the template.
        given().urlEncodingEnabled(false)
                .when().get("/api/v1/offers/..%2F../signatures/" + signingToken).then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(404)));
        RawRequest.send(RestAssured.port, "GET /api/v1/offers/../signatures/" + signingToken + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        // Unknown routes too: a pupil's name typed in a path must not reach the log.
        given().when().get("/api/v1/nowhere/Jeanne-Dupont").then().statusCode(404);

        awaitLines(8);
        String everything = accessLog.text();
        assertThat(everything).contains("/api/v1/signatures/{token}", "/api/v1/signatures/{token}/sign",
                "/api/v1/pupils/{id}", "/api/v1/relays/{id}/queue/claim", "/api/v1/schools/{id}/pupils",
                "/api/v1/{id}/{id}");
        assertThat(everything).doesNotContain(signingToken, pupilId, relayId, "0590001A", "Dupont", "name=",
                bearer, "pupil-secret-sub");
    }

    @Test
    void templates_keep_route_words_and_redact_everything_else() {
        assertThat(PathTemplate.of("/api/v1/signatures/abc123")).isEqualTo("/api/v1/signatures/{token}");
        assertThat(PathTemplate.of("/api/v1/signatures/sign")).isEqualTo("/api/v1/signatures/{token}");
        assertThat(PathTemplate.of("/api/v1/agreements/42/signing-link")).isEqualTo("/api/v1/agreements/{id}/signing-link");
        assertThat(PathTemplate.of("/api/v1/operator/offers/batch")).isEqualTo("/api/v1/operator/offers/batch");
        assertThat(PathTemplate.of("/api/v1/pupils/me")).isEqualTo("/api/v1/pupils/me");
        assertThat(PathTemplate.of("/api/v1/relays/face-nord/deactivate")).isEqualTo("/api/v1/relays/{id}/deactivate");
        assertThat(PathTemplate.of("/api/v1/statistics/2025-2026/academy/10")).isEqualTo("/api/v1/statistics/{id}/{id}/{id}");
        assertThat(PathTemplate.of("/q/health/ready")).isEqualTo("/q/health/ready");
        assertThat(PathTemplate.of("/")).isEqualTo("/");
        assertThat(PathTemplate.of("/api/v1/offers/")).isEqualTo("/api/v1/offers/");
    }

    // ---- every refusal in problem+json

    @Test
    void a_path_whose_dot_segments_leave_the_api_is_a_problem_404() throws Exception {
        String answer = RawRequest.send(RestAssured.port, "GET /api/v1/offers/../../../etc/passwd HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertProblem(answer, 404);
        assertThat(answer).doesNotContainIgnoringCase("<html");
    }

    @Test
    void an_unknown_path_outside_the_api_is_a_problem_404() {
        given().when().get("/nothing/here")
                .then().statusCode(404)
                .contentType(ProblemCatalog.MEDIA_TYPE)
                .body("type", equalTo(ProblemCatalog.type(404)))
                .body("title", equalTo(ProblemCatalog.title(404)));
    }

    @Test
    void a_method_no_route_takes_is_a_problem_405() {
        given().when().post("/q/openapi")
                .then().statusCode(405)
                .contentType(ProblemCatalog.MEDIA_TYPE)
                .body("type", equalTo(ProblemCatalog.type(405)))
                .body("title", equalTo(ProblemCatalog.title(405)))
                .body("status", equalTo(405));
    }

    @Test
    void a_request_target_that_is_not_a_uri_is_a_problem_400_not_a_bare_one() throws Exception {
        for (String target : List.of("/api/v1/offers?q=%zz", "/api/v1/pupils/%zz", "/api/v1/offers?q={x}")) {
            String answer = RawRequest.get(RestAssured.port, target);
            assertProblem(answer, 400);
            assertThat(answer).contains("not a valid URI");
        }
    }

    @Test
    void a_request_target_too_long_is_a_problem_414() throws Exception {
        String answer = RawRequest.send(RestAssured.port, "GET /api/v1/offers?q=" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertProblem(answer, 414);
        assertThat(answer).doesNotContain("aaaaaaaaaa");
    }

    @Test
    void headers_too_large_are_a_problem_431() throws Exception {
        String answer = RawRequest.send(RestAssured.port, "GET /api/v1/offers HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Filler: " + "b".repeat(25_000) + "\r\nConnection: close\r\n\r\n");
        assertProblem(answer, 431);
    }

    // ---- protective headers

    @Test
    void relayed_and_own_answers_carry_the_protective_headers() {
        for (Response response : List.of(
                given().when().get("/api/v1/offers/1").then().statusCode(200).extract().response(),
                given().when().get("/api/v1/nowhere").then().statusCode(404).extract().response(),
                given().when().get("/q/openapi").then().statusCode(200).extract().response())) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Strict-Transport-Security")).isNull();
        }
    }

    @Test
    void authenticated_answers_are_not_stored_unless_the_service_says_otherwise() {
        String bearer = "Bearer " + TestTokens.as("pupil").subject("pupil-1").sign();
        given().header("Authorization", bearer).when().get("/api/v1/pupils/p-1")
                .then().statusCode(200).header("Cache-Control", "no-store");
        given().header("Authorization", bearer).when().get("/api/v1/pupils/p-1/cached")
                .then().statusCode(200).header("Cache-Control", "public, max-age=60");
        given().when().get("/api/v1/offers")
                .then().statusCode(200).header("Cache-Control", nullValue());
    }

    // ---- support

    private static void assertProblem(String answer, int status) {
        assertThat(answer).startsWith("HTTP/1.1 " + status);
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
        assertThat(head).contains("content-type: " + ProblemCatalog.MEDIA_TYPE);
        assertThat(head).contains("x-content-type-options: nosniff");
        JsonObject body = new JsonObject(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(body.getString("type")).isEqualTo(ProblemCatalog.type(status));
        assertThat(body.getString("title")).isEqualTo(ProblemCatalog.title(status));
        assertThat(body.getInteger("status")).isEqualTo(status);
        assertThat(body.getString("detail")).isNotBlank();
    }

    private void awaitLines(int count) throws InterruptedException {
        for (int i = 0; i < 100 && accessLog.lines().size() < count; i++) {
            Thread.sleep(20);
        }
    }
}
