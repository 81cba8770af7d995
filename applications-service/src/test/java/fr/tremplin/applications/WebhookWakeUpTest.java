package fr.tremplin.applications;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.applied;
import static fr.tremplin.applications.Fixtures.offer;
import static fr.tremplin.applications.Fixtures.relay;
import static fr.tremplin.applications.Fixtures.school;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The webhook sender running on its own (issue 12): woken by the notification its delivery's insert sends, a
 * candidacy's webhook reaches the relay well within the sender's fallback pass (set to a minute here, so that only
 * the notification can explain a quick arrival), and a failed delivery is tried again once its backoff (1 s here) is
 * over, without waiting for the fallback either.
 */
@QuarkusTest
@TestProfile(WebhookWakeUpTest.SenderRunning.class)
class WebhookWakeUpTest {

    /** The sender on its own thread, with a fallback pass far longer than anything the tests wait for. */
    public static class SenderRunning implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tremplin.applications.webhooks.every", "60s",
                    "tremplin.applications.webhooks.initial-backoff", "PT1S");
        }
    }

    @AfterEach
    void resetClock() {
        MovableClock.reset();
    }

    @Test
    void aSubmittedCandidacysWebhookArrivesWithinASecondOrTwoNotAtTheFallbackPass() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Fixtures.registerRelay("wake-vosges", "88").statusCode(201);
            register("wake-vosges", receiver);
            Fixtures.Offer offer = offer("88", 5, W05);
            String uai = school("88", "REP");

            long start = System.nanoTime();
            UUID id = applied(UUID.randomUUID(), uai, offer, W05);
            awaitUpTo(Duration.ofSeconds(5), () -> !receiver.received().isEmpty());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).as("the notification woke the sender, not its 60 s fallback")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(receiver.received()).hasSize(1).allMatch(WebhookReceiver.Received::signatureValid);
            assertThat(receiver.received().get(0).body()).contains(id.toString());
            awaitUpTo(Duration.ofSeconds(5), () -> "DELIVERED".equals(state("wake-vosges")));
        }
    }

    @Test
    void aFailedDeliveryIsTriedAgainOnceItsBackoffIsOverWithoutWaitingForTheFallback() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Fixtures.registerRelay("wake-yonne", "89").statusCode(201);
            register("wake-yonne", receiver);
            Fixtures.Offer offer = offer("89", 5, W05);
            receiver.mode(WebhookReceiver.Mode.FAIL);
            applied(UUID.randomUUID(), school("89", "REP"), offer, W05);
            awaitUpTo(Duration.ofSeconds(5), () -> !receiver.received().isEmpty());
            awaitUpTo(Duration.ofSeconds(5), () -> "PENDING".equals(state("wake-yonne"))
                    && Integer.valueOf(1).equals(deliveries("wake-yonne").extract().path("items[0].attempts")));
            receiver.mode(WebhookReceiver.Mode.ACCEPT);
            long failedAt = System.nanoTime();

            awaitUpTo(Duration.ofSeconds(10), () -> "DELIVERED".equals(state("wake-yonne")));
            Duration took = Duration.ofNanos(System.nanoTime() - failedAt);

            List<WebhookReceiver.Received> posts = receiver.received();
            assertThat(posts).extracting(WebhookReceiver.Received::answered).containsExactly(500, 204);
            assertThat(posts).extracting(WebhookReceiver.Received::id).containsOnly(posts.get(0).id());
            assertThat(took).as("retried after its 1 s backoff, not at the 60 s fallback")
                    .isLessThan(Duration.ofSeconds(10));
            deliveries("wake-yonne").body("items[0].attempts", equalTo(2)).body("items[0].lastStatus", equalTo(204));
        }
    }

    private static void register(String relayId, WebhookReceiver receiver) {
        String secret = given().header("Authorization", relay(relayId)).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url())).put("/api/v1/relays/" + relayId + "/webhook").then()
                .statusCode(201).body("secret", startsWith("whsec_")).extract().path("secret");
        receiver.secret(secret);
    }

    private static io.restassured.response.ValidatableResponse deliveries(String relayId) {
        return given().header("Authorization", relay(relayId)).get("/api/v1/relays/" + relayId + "/deliveries")
                .then().statusCode(200);
    }

    private static String state(String relayId) {
        return deliveries(relayId).extract().path("items[0].state");
    }

    private static void awaitUpTo(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("still waiting after %s", limit).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
