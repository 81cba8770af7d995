package fr.tremplin.gateway;

import static fr.tremplin.gateway.support.FailedAuthenticationProfile.BUDGET;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.tremplin.gateway.support.FailedAuthenticationProfile;
import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Issue 10: an address whose tokens keep failing is throttled before any signature is verified. Before, every forged
 * token was verified and answered 401, without end; the rate limit ran after authentication and never saw them.
 * Each test speaks from its own address ({@code X-Forwarded-For}), so that budgets do not leak between tests.
 */
@QuarkusTest
@TestProfile(FailedAuthenticationProfile.class)
class FailedAuthenticationLimitTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void forged_tokens_from_one_address_are_401_then_429_without_verification() {
        String address = "203.0.113.10";
        for (int i = 0; i < BUDGET; i++) {
            given().header("X-Forwarded-For", address).header("Authorization", forged())
                    .get("/api/v1/offers").then().statusCode(401);
        }
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", address).header("Authorization", forged())
                    .get("/api/v1/offers").then().statusCode(429)
                    .contentType("application/problem+json")
                    .header("Retry-After", Integer::parseInt, both(greaterThan(0)).and(lessThanOrEqualTo(60)))
                    .body("type", equalTo("https://tremplin.beta.gouv.fr/problems/rate-limited"))
                    .body("detail", containsString("failed authentications"));
        }
    }

    @Test
    void once_an_address_has_spent_its_budget_even_a_valid_token_from_it_waits_but_anonymous_requests_go_on() {
        String address = "203.0.113.20";
        spendBudget(address);
        // Telling a valid token apart would take the signature check the budget is there to save.
        given().header("X-Forwarded-For", address).header("Authorization", TestTokens.as("pupil").bearer())
                .get("/api/v1/offers").then().statusCode(429);
        given().header("X-Forwarded-For", address).get("/api/v1/offers").then().statusCode(200)
                .body("service", equalTo("offers"));
    }

    @Test
    void other_addresses_keep_their_own_budget() {
        spendBudget("203.0.113.30");
        given().header("X-Forwarded-For", "203.0.113.31").header("Authorization", TestTokens.as("pupil").bearer())
                .get("/api/v1/offers").then().statusCode(200).body("service", equalTo("offers"));
        given().header("X-Forwarded-For", "203.0.113.31").header("Authorization", forged())
                .get("/api/v1/offers").then().statusCode(401);
    }

    @Test
    void valid_tokens_do_not_spend_the_budget() {
        String address = "203.0.113.40";
        for (int i = 0; i < BUDGET * 3; i++) {
            given().header("X-Forwarded-For", address).header("Authorization", TestTokens.as("pupil").bearer())
                    .get("/api/v1/offers").then().statusCode(200);
        }
        given().header("X-Forwarded-For", address).header("Authorization", forged())
                .get("/api/v1/offers").then().statusCode(401);
    }

    private static void spendBudget(String address) {
        for (int i = 0; i < BUDGET; i++) {
            given().header("X-Forwarded-For", address).header("Authorization", forged())
                    .get("/api/v1/offers").then().statusCode(401);
        }
    }

    private static String forged() {
        return TestTokens.invalidAuthorizations().get("forged signature");
    }
}
