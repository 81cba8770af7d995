package fr.tremplin.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.tremplin.gateway.support.GatewayTestProfile;
import fr.tremplin.testing.JwtKeysTestResource;
import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class EdgeAuthenticationTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void without_a_token_the_request_goes_on_anonymously() {
        given().when().get("/api/v1/offers?keyword=boulangerie")
                .then().statusCode(200)
                .body("service", equalTo("offers"))
                .body("headers.authorization", nullValue());
    }

    @Test
    void a_valid_token_is_forwarded_as_is_with_the_body() {
        String token = TestTokens.as("pupil").subject("pupil-42").sign();

        given().header("Authorization", "Bearer " + token)
                .contentType("application/json").body("{\"offerId\":\"o-1\",\"weekId\":\"w-3\"}")
                .when().post("/api/v1/applications")
                .then().statusCode(200)
                .body("service", equalTo("applications"))
                .body("headers.authorization[0]", equalTo("Bearer " + token))
                .body("body", equalTo("{\"offerId\":\"o-1\",\"weekId\":\"w-3\"}"));
    }

    @Test
    void other_authorization_schemes_are_left_to_the_service() {
        given().header("Authorization", "Basic dXNlcjpwYXNz")
                .when().get("/api/v1/relays/r-1/queue")
                .then().statusCode(200)
                .body("service", equalTo("applications"))
                .body("headers.authorization[0]", equalTo("Basic dXNlcjpwYXNz"));
    }

    @Test
    void an_expired_token_is_refused_at_the_edge() {
        assertUnauthorized("Bearer " + expiredToken("pupil-42"));
    }

    @Test
    void a_token_signed_by_another_key_is_refused() {
        assertUnauthorized("Bearer " + forgedToken("admin-1"));
    }

    @Test
    void a_token_from_another_issuer_is_refused() {
        assertUnauthorized("Bearer " + tokenFromAnotherIssuer("admin-1"));
    }

    @Test
    void garbage_is_refused() {
        assertUnauthorized("Bearer not-a-jwt");
    }

    @Test
    void an_invalid_bearer_token_is_refused_on_a_public_route_too() {
        // GET /api/v1/offers is the anonymous search: a present token must still be a valid one (issue 10)
        TestTokens.invalidAuthorizations().forEach((invalid, authorization) -> {
            if (authorization.startsWith("Bearer ")) {
                given().header("Authorization", authorization).when().get("/api/v1/offers")
                        .then().statusCode(401).contentType("application/problem+json")
                        .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                        .body("service", nullValue());
            }
        });
    }

    @Test
    void a_refused_request_with_a_body_leaves_the_connection_usable() {
        given().header("Authorization", "Bearer not-a-jwt")
                .contentType("application/json").body("{\"big\":\"" + "x".repeat(200_000) + "\"}")
                .when().post("/api/v1/applications")
                .then().statusCode(401);
        given().when().get("/api/v1/offers").then().statusCode(200);
    }

    private static void assertUnauthorized(String authorization) {
        given().header("Authorization", authorization)
                .when().get("/api/v1/pupils/p-1")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("https://tremplin.beta.gouv.fr/problems/unauthenticated"))
                .body("title", equalTo("Unauthenticated"))
                .body("status", equalTo(401))
                .body("detail", equalTo("The bearer token is invalid or expired."))
                .body("service", nullValue());
    }

    // The bad tokens are made here: TestTokens (tremplin-testing) signs only good ones, with the platform's issuer,
    // the default lifespan and the test run's key, and only the gateway's tests need tokens that go wrong.

    private static String expiredToken(String subject) {
        return Jwt.issuer(JwtKeysTestResource.ISSUER).subject(subject).groups("pupil")
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .sign();
    }

    private static String tokenFromAnotherIssuer(String subject) {
        return Jwt.issuer("somebody-else").subject(subject).groups("admin").sign();
    }

    /** Well-formed and unexpired, but signed with a key the platform does not know. */
    private static String forgedToken(String subject) {
        return Jwt.issuer(JwtKeysTestResource.ISSUER).subject(subject).groups("admin").sign(TestTokens.foreignKey());
    }
}
