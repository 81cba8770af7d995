package fr.tremplin.applications;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.act;
import static fr.tremplin.applications.Fixtures.applied;
import static fr.tremplin.applications.Fixtures.offer;
import static fr.tremplin.applications.Fixtures.pupilToken;
import static fr.tremplin.applications.Fixtures.school;
import static fr.tremplin.applications.Fixtures.seats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Seats are never overbooked, whatever the concurrency: parallel HTTP requests against the real database. */
@QuarkusTest
class SeatConcurrencyTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void fiftyConcurrentAcceptsForAWeekWithThreeSeatsHoldExactlyThree() throws Exception {
        Fixtures.Offer offer = offer("01", 3, W05);
        String uai = school("01", "REP");
        List<UUID> candidacies = new ArrayList<>();
        Map<UUID, String> pupilTokens = new ConcurrentHashMap<>();
        for (int i = 0; i < 50; i++) {
            UUID pupil = UUID.randomUUID();
            UUID id = applied(pupil, uai, offer, W05);
            candidacies.add(id);
            pupilTokens.put(id, pupilToken(pupil, uai));
        }

        Map<Integer, AtomicInteger> statuses = hitAllAtOnce(candidacies, id -> post(id, "accept", offer.hostBearer()));

        assertThat(statuses.keySet()).containsOnly(200, 409);
        assertThat(statuses.get(200).get()).isEqualTo(3);
        assertThat(statuses.get(409).get()).isEqualTo(47);
        seats(offer).statusCode(200).body("weeks[0].capacity", equalTo(3)).body("weeks[0].held", equalTo(3))
                .body("weeks[0].free", equalTo(0));
        assertThat(TestEvents.count("SELECT count(*) FROM application WHERE offer_id = ? AND state = 'ACCEPTED'", offer.id))
                .isEqualTo(3);
        // a refused accept changed nothing and published nothing
        assertThat(TestEvents.count("SELECT count(*) FROM outbox_event WHERE type = 'application.accepted' "
                + "AND payload->>'offerId' = ?", offer.id.toString())).isEqualTo(3);

        // the held seats are confirmed (consumed) concurrently with new accepts: still never more than 3
        List<UUID> accepted = candidacies.stream().filter(id -> TestEvents.count(
                "SELECT count(*) FROM application WHERE id = ? AND state = 'ACCEPTED'", id) == 1).toList();
        UUID released = accepted.get(0);
        act(pupilTokens.get(released), released, "cancel", "plus disponible").statusCode(200);
        List<UUID> racers = new ArrayList<>(accepted.subList(1, 3));
        candidacies.stream().filter(id -> !accepted.contains(id)).limit(20).forEach(racers::add);
        Map<Integer, AtomicInteger> second = hitAllAtOnce(racers, id -> accepted.contains(id)
                ? post(id, "confirm", pupilTokens.get(id)) : post(id, "accept", offer.hostBearer()));
        assertThat(second.get(200).get()).as("2 confirmations and exactly 1 accept for the released seat").isEqualTo(3);
        assertThat(second.get(409).get()).isEqualTo(19);
        seats(offer).body("weeks[0].held", equalTo(1)).body("weeks[0].consumed", equalTo(2)).body("weeks[0].free", equalTo(0));
    }

    private interface Call {
        int status(UUID id) throws Exception;
    }

    /** Every request waits at a gate, then all go at once from their own thread. */
    private static Map<Integer, AtomicInteger> hitAllAtOnce(List<UUID> ids, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(ids.size());
        CountDownLatch ready = new CountDownLatch(ids.size());
        CountDownLatch go = new CountDownLatch(1);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (UUID id : ids) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    statuses.computeIfAbsent(call.status(id), s -> new AtomicInteger()).incrementAndGet();
                    return null;
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return statuses;
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private static int post(UUID id, String action, String bearer) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + "/api/v1/applications/" + id + "/" + action))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(60)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
