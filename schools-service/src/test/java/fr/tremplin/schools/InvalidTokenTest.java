package fr.tremplin.schools;

import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 10: a present but invalid {@code Authorization} header is a 401 problem on a public route too (GET /api/v1/academies, public reference data);
 * before, the service read such a request as anonymous and served it.
 */
@QuarkusTest
class InvalidTokenTest {

    private static final String PUBLIC_ROUTE = "/api/v1/academies";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void without_a_token_the_public_route_answers_anonymously() {
        given().get(PUBLIC_ROUTE).then().statusCode(200);
    }

    @TestFactory
    Stream<DynamicTest> an_invalid_authorization_is_a_401_problem_on_the_public_route() {
        return TestTokens.invalidAuthorizations().entrySet().stream().map(invalid -> DynamicTest.dynamicTest(
                invalid.getKey(), () -> given().header("Authorization", invalid.getValue()).get(PUBLIC_ROUTE)
                        .then().statusCode(401).contentType("application/problem+json")
                        .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                        .body("type", equalTo("https://tremplin.beta.gouv.fr/problems/unauthenticated"))
                        .body("title", equalTo("Unauthenticated"))
                        .body("status", equalTo(401))));
    }

    @Test
    void health_is_not_refused_for_a_bad_token() {
        given().header("Authorization", "Bearer not-a-jwt").get("/q/health/live").then().statusCode(200);
    }
}
