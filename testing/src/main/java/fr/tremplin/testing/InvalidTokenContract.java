package fr.tremplin.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.restassured.RestAssured;

/**
 * Issue 10: a present but invalid {@code Authorization} header is a 401 problem on a public route too; before, a
 * service read such a request as anonymous and served it. Each service's {@code InvalidTokenTest} extends this with
 * one of its public routes and what that route answers without a token.
 */
public abstract class InvalidTokenContract {

    /** A route anyone may call without a token. */
    protected abstract String publicRoute();

    /** What {@link #publicRoute()} answers without a token (200, or 404 for an unknown signing link). */
    protected abstract int anonymousStatus();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void without_a_token_the_public_route_answers_anonymously() {
        given().get(publicRoute()).then().statusCode(anonymousStatus());
    }

    @TestFactory
    Stream<DynamicTest> an_invalid_authorization_is_a_401_problem_on_the_public_route() {
        return TestTokens.invalidAuthorizations().entrySet().stream().map(invalid -> DynamicTest.dynamicTest(
                invalid.getKey(), () -> given().header("Authorization", invalid.getValue()).get(publicRoute())
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
