package fr.tremplin.offers;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

/** When every database connection is taken, a search is told to come back (503), not that the service broke. */
@QuarkusTest
@TestProfile(OverloadTest.TwoConnections.class)
class OverloadTest {

    /** Two: Flyway needs as many at start. */
    public static class TwoConnections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.min-size", "0", "quarkus.datasource.jdbc.initial-size", "0",
                    "quarkus.datasource.jdbc.max-size", "2", "quarkus.datasource.jdbc.acquisition-timeout", "1S");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aSaturatedPoolAnswersServiceBusyWithRetryAfter() throws Exception {
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            given().queryParam("latitude", 48.85).queryParam("longitude", 2.35).get("/api/v1/offers")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "1")
                    .body("status", is(503)).body("title", is("Service busy"));
        }
        given().queryParam("latitude", 48.85).queryParam("longitude", 2.35).get("/api/v1/offers")
                .then().statusCode(200).body("totalItems", is(0));
    }
}
