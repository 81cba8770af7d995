package fr.tremplin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.tremplin.common.problem.ProblemCatalog;
import fr.tremplin.gateway.support.GatewayHttp;
import fr.tremplin.gateway.support.OverloadProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * More requests than a service has connections: the gateway refuses the excess at once with a 503 (as the service
 * would), keeps the other services' places apart, and every connection serves again after the overload.
 */
@QuarkusTest
@TestProfile(OverloadProfile.class)
class OverloadTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private GatewayHttp http;

    @BeforeEach
    void client() {
        http = new GatewayHttp(port, HttpClient.Version.HTTP_1_1);
    }

    @Test
    void past_a_services_connections_the_excess_is_refused_at_once_and_the_others_still_answer() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        for (int i = 0; i < OverloadProfile.CONNECTIONS; i++) {
            // the fake offers-service answers /slow after 3 s
            held.add(http.getAsync("/api/v1/offers/slow"));
        }
        awaitInFlight("offers", OverloadProfile.CONNECTIONS);

        long start = System.nanoTime();
        HttpResponse<String> refused = http.get("/api/v1/offers/42");
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(elapsedMillis).as("refused without waiting for a connection").isLessThan(1_000);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue(ProblemCatalog.MEDIA_TYPE);
        JsonPath problem = JsonPath.from(refused.body());
        assertThat(problem.getString("type")).isEqualTo(ProblemCatalog.type(503));
        assertThat(problem.getString("detail")).isEqualTo(ProblemCatalog.BUSY_DETAIL);

        assertThat(http.get("/api/v1/schools/0750001A").statusCode()).as("another service's places").isEqualTo(200);

        for (CompletableFuture<HttpResponse<String>> slow : held) {
            assertThat(slow.get().statusCode()).as("the requests let through are answered").isEqualTo(200);
        }
        awaitInFlight("offers", 0);
        assertThat(http.get("/api/v1/offers/42").statusCode()).as("places come back").isEqualTo(200);
    }

    @Test
    void under_a_sustained_overload_no_request_waits_for_a_connection_and_every_connection_serves_after_it()
            throws Exception {
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            long end = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            for (int i = 0; i < 64; i++) {
                threads.submit(() -> {
                    while (System.nanoTime() < end) {
                        // the fake answers /brief after 50 ms: two connections serve at most 40 a second
                        statuses.computeIfAbsent(http.get("/api/v1/offers/brief").statusCode(),
                                status -> new AtomicInteger()).incrementAndGet();
                    }
                });
            }
        }
        assertThat(statuses.keySet()).as("answers under overload: %s", statuses).containsOnly(200, 503);
        assertThat(statuses.get(200).get()).as("requests served: %s", statuses).isGreaterThan(20);
        awaitInFlight("offers", 0);
        for (int i = 0; i < 3 * OverloadProfile.CONNECTIONS; i++) {
            assertThat(http.get("/api/v1/offers/brief").statusCode()).as("request %d after the overload", i).isEqualTo(200);
        }
    }

    private void awaitInFlight(String upstream, int expected) throws InterruptedException {
        String gauge = "tremplin_gateway_upstream_in_flight{upstream=\"" + upstream + "\"} " + expected + ".0";
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!http.get("/q/metrics").body().contains(gauge)) {
            assertThat(System.nanoTime()).as("waiting for %s", gauge).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

}
