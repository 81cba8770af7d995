package fr.tremplin.offers;

import fr.tremplin.common.web.AdmissionLimit;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * An overloaded service tells its clients to come back (503 with Retry-After), not that it broke: when every database
 * connection is taken, and, before that, when as many requests as it admits are inside it already.
 */
@QuarkusTest
@TestProfile(OverloadTest.TwoConnections.class)
class OverloadTest {

    /** Two connections (Flyway needs as many at start), two requests inside at once. */
    public static class TwoConnections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.min-size", "0", "quarkus.datasource.jdbc.initial-size", "0",
                    "quarkus.datasource.jdbc.max-size", "2", "quarkus.datasource.jdbc.acquisition-timeout", "3S",
                    "tremplin.http.max-in-flight", "2");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AdmissionLimit admission;

    @Inject
    MeterRegistry registry;

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

    @Test
    void aThirdRequestWhileTwoAreInsideIsRefusedAtOnceAndThePlacesComeBack() throws Exception {
        double refusedBefore = refused();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<Future<Integer>> inside = new ArrayList<>();
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            // two searches that wait for a database connection: inside the service until the pool's timeout
            for (int i = 0; i < 2; i++) {
                inside.add(clients.submit(() -> search().statusCode()));
            }
            await().atMost(Duration.ofSeconds(2)).until(() -> admission.inFlight() == 2);

            long start = System.nanoTime();
            search().then().statusCode(503).contentType("application/problem+json").header("Retry-After", "1")
                    .body("status", is(503)).body("title", is("Service busy"))
                    .body("detail", containsString("nothing was recorded"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused without waiting for the pool")
                    .isLessThan(Duration.ofSeconds(1));
            assertThat(admission.inFlight()).as("the two searches are still inside").isEqualTo(2);
            // health is never refused: an overloaded service is alive
            given().get("/q/health/live").then().statusCode(200);
        }
        for (Future<Integer> answer : inside) {
            assertThat(answer.get(10, TimeUnit.SECONDS)).isIn(200, 503);
        }
        clients.shutdown();
        assertThat(refused() - refusedBefore).isEqualTo(1.0);
        await().atMost(Duration.ofSeconds(2)).until(() -> admission.inFlight() == 0);
        for (int i = 0; i < 5; i++) {
            search().then().statusCode(200);
        }
        // a place is given back once the service has finished writing the answer, which may be just after the
        // client has read it (CI saw 1 still in flight here)
        await().atMost(Duration.ofSeconds(2)).until(() -> admission.inFlight() == 0);
    }

    private static Response search() {
        return given().queryParam("latitude", 48.85).queryParam("longitude", 2.35).get("/api/v1/offers");
    }

    private double refused() {
        return registry.counter("tremplin.http.refused").count();
    }
}
