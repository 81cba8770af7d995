package fr.tremplin.applications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.applications.service.WebhookSender;
import fr.tremplin.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.act;
import static fr.tremplin.applications.Fixtures.admin;
import static fr.tremplin.applications.Fixtures.applied;
import static fr.tremplin.applications.Fixtures.offer;
import static fr.tremplin.applications.Fixtures.relay;
import static fr.tremplin.applications.Fixtures.school;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Relays' signed webhooks (issue 12) against a real HTTP receiver on the loopback that checks every signature itself:
 * each feed message is POSTed with the Standard Webhooks headers, retried through failures and timeouts until the
 * receiver recovers, in order per candidacy, parked after the retry window (the movable clock crosses it), redelivered
 * on demand, and never sent by two senders at once. The tests run the sender themselves
 * ({@code tremplin.applications.webhooks.every=off}, timeout 1 s).
 */
@QuarkusTest
class RelayWebhookTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    WebhookSender sender;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void resetClock() {
        MovableClock.reset();
    }

    @Test
    void eachFeedMessageIsPostedSignedAndRetriedThroughFailuresAndTimeoutsUntilTheReceiverRecovers() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(); LogCapture logs = LogCapture.start()) {
            Fixtures.registerRelay("hook-seine-maritime", "76").statusCode(201);
            String secret = register("hook-seine-maritime", receiver);
            Fixtures.Offer offer = offer("76", 5, W05);
            UUID id = applied(UUID.randomUUID(), school("76", "REP"), offer, W05);
            assertThat(TestEvents.count("SELECT count(*) FROM webhook_delivery d JOIN outbox_event o ON o.id = d.id "
                    + "WHERE d.application_id = ? AND d.state = 'PENDING' AND o.topic = 'tremplin.relay.hook-seine-maritime.v1'",
                    id)).as("queued with its feed message, same id").isEqualTo(1);

            receiver.mode(WebhookReceiver.Mode.FAIL);
            assertThat(sender.run()).isEqualTo(1);
            delivery("hook-seine-maritime").body("state", equalTo("PENDING")).body("attempts", equalTo(1))
                    .body("lastStatus", equalTo(500)).body("lastError", equalTo("HTTP 500"));
            assertThat(sender.run()).as("not due before its backoff").isZero();

            MovableClock.advance(Duration.ofMinutes(1));
            receiver.mode(WebhookReceiver.Mode.SLOW);
            long start = System.nanoTime();
            assertThat(sender.run()).isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
            delivery("hook-seine-maritime").body("state", equalTo("PENDING")).body("attempts", equalTo(2))
                    .body("lastStatus", nullValue()).body("lastError", equalTo("timed out"));

            MovableClock.advance(Duration.ofMinutes(1));
            receiver.mode(WebhookReceiver.Mode.ACCEPT);
            assertThat(sender.run()).isEqualTo(1);
            delivery("hook-seine-maritime").body("state", equalTo("DELIVERED")).body("attempts", equalTo(3))
                    .body("lastStatus", equalTo(204)).body("lastError", nullValue());

            List<WebhookReceiver.Received> posts = receiver.received();
            assertThat(posts).hasSize(3).allMatch(WebhookReceiver.Received::signatureValid);
            assertThat(posts).extracting(WebhookReceiver.Received::id).containsOnly(posts.get(0).id());
            JsonNode body = MAPPER.readTree(posts.get(2).body());
            assertThat(body.get("type").asText()).isEqualTo("relay.candidacy.changed");
            assertThat(body.get("data").get("event").asText()).isEqualTo("application.submitted");
            assertThat(body.get("data").get("applicationId").asText()).isEqualTo(id.toString());
            assertThat(posts.get(2).body()).doesNotContain("motivation").doesNotContain("J'aimerais");
            assertThat(posts.get(0).signature()).isNotEqualTo(secret).startsWith("v1,");

            given().header("Authorization", relay("hook-seine-maritime"))
                    .get("/api/v1/relays/hook-seine-maritime/deliveries?state=PENDING").then().statusCode(200)
                    .body("totalItems", equalTo(0));
            assertThat(logs.lines()).as("the failures were logged").isNotEmpty();
            assertThat(logs.leaks(Map.of("the secret", secret, "the secret's key", secret.substring(6),
                    "a body", posts.get(2).body(), "the callback", receiver.url(), "a signature",
                    posts.get(2).signature()))).isEmpty();
        }
    }

    @Test
    void aLaterMessageOfACandidacyWaitsForTheEarlierWhileOtherCandidaciesGoOn() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Fixtures.registerRelay("hook-eure", "27").statusCode(201);
            register("hook-eure", receiver);
            Fixtures.Offer offer = offer("27", 5, W05);
            String uai = school("27", "NONE");
            UUID first = applied(UUID.randomUUID(), uai, offer, W05);
            act(relay("hook-eure"), first, "forward", null).statusCode(200);
            UUID submitted = deliveryId(first, "application.submitted");
            UUID forwarded = deliveryId(first, "application.forwarded");

            receiver.mode(WebhookReceiver.Mode.FAIL);
            sender.run();
            assertThat(receiver.ids()).as("the forward waits for the submission").containsExactly(submitted.toString());

            receiver.mode(WebhookReceiver.Mode.ACCEPT);
            UUID other = applied(UUID.randomUUID(), uai, offer, W05);
            UUID otherSubmitted = deliveryId(other, "application.submitted");
            sender.run();
            assertThat(receiver.ids()).as("another candidacy is not held back").containsExactly(
                    submitted.toString(), otherSubmitted.toString());

            MovableClock.advance(Duration.ofMinutes(1));
            sender.run();
            sender.run();
            assertThat(receiver.ids()).containsExactly(submitted.toString(), otherSubmitted.toString(),
                    submitted.toString(), forwarded.toString());
            assertThat(receiver.received()).allMatch(WebhookReceiver.Received::signatureValid);
        }
    }

    @Test
    void aDeliveryFailingForTheWholeRetryWindowIsParkedThenRedeliveredOnDemand() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Fixtures.registerRelay("hook-calvados", "14").statusCode(201);
            register("hook-calvados", receiver);
            Fixtures.Offer offer = offer("14", 5, W05);
            UUID id = applied(UUID.randomUUID(), school("14", "REP"), offer, W05);
            act(relay("hook-calvados"), id, "forward", null).statusCode(200);
            UUID submitted = deliveryId(id, "application.submitted");
            UUID forwarded = deliveryId(id, "application.forwarded");

            receiver.mode(WebhookReceiver.Mode.FAIL);
            sender.run();
            MovableClock.advance(Duration.ofHours(12));
            sender.run();
            given().header("Authorization", admin()).get("/api/v1/relays/hook-calvados/deliveries?state=PARKED")
                    .then().statusCode(200).body("totalItems", equalTo(0));
            MovableClock.advance(Duration.ofHours(13));
            sender.run();
            given().header("Authorization", relay("hook-calvados"))
                    .get("/api/v1/relays/hook-calvados/deliveries?state=PARKED").then().statusCode(200)
                    .body("totalItems", equalTo(1)).body("items[0].id", equalTo(submitted.toString()))
                    .body("items[0].attempts", equalTo(3)).body("items[0].parkedAt", org.hamcrest.Matchers.notNullValue());
            MovableClock.advance(Duration.ofHours(2));
            receiver.mode(WebhookReceiver.Mode.ACCEPT);
            assertThat(sender.run()).as("parked: no more tries; the forward still waits behind it").isZero();

            String path = "/api/v1/relays/hook-calvados/deliveries/" + submitted + "/redeliver";
            given().header("Authorization", relay("hook-eure")).post(path).then().statusCode(403)
                    .contentType("application/problem+json");
            given().header("Authorization", relay("hook-calvados")).post("/api/v1/relays/hook-calvados/deliveries/"
                    + forwarded + "/redeliver").then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("PENDING"));
            given().header("Authorization", relay("hook-calvados")).post("/api/v1/relays/hook-calvados/deliveries/"
                    + UUID.randomUUID() + "/redeliver").then().statusCode(404).contentType("application/problem+json");
            given().header("Authorization", relay("hook-calvados")).post(path).then().statusCode(200)
                    .body("state", equalTo("PENDING")).body("attempts", equalTo(0));
            sender.run();
            sender.run();
            assertThat(receiver.ids().subList(receiver.ids().size() - 2, receiver.ids().size()))
                    .containsExactly(submitted.toString(), forwarded.toString());
            given().header("Authorization", admin()).get("/api/v1/relays/hook-calvados/deliveries?state=DELIVERED")
                    .then().statusCode(200).body("totalItems", equalTo(2));
            given().header("Authorization", relay("hook-calvados")).post(path).then().statusCode(409);
        }
    }

    @Test
    void aDeliveryLeftLeasedByASenderThatStoppedIsSentOnceItsLeaseRunsOut() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Fixtures.registerRelay("hook-loire", "42").statusCode(201);
            register("hook-loire", receiver);
            UUID id = applied(UUID.randomUUID(), school("42", "REP"), offer("42", 5, W05), W05);
            UUID submitted = deliveryId(id, "application.submitted");
            // what an instance leaves behind when it stops between its lease and its answer (the lease is 1 minute)
            TestEvents.execute("UPDATE webhook_delivery SET leased_until = now() + interval '1 minute' WHERE id = ?",
                    submitted);
            assertThat(sender.run()).as("another instance holds it").isZero();
            MovableClock.advance(Duration.ofMinutes(2));
            assertThat(sender.run()).isEqualTo(1);
            assertThat(receiver.ids()).containsExactly(submitted.toString());
            given().header("Authorization", relay("hook-loire")).get("/api/v1/relays/hook-loire/deliveries").then()
                    .statusCode(200).body("items[0].state", equalTo("DELIVERED"));
        }
    }

    @Test
    void twoSendersNeverPostTheSameDeliveryAtOnce() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Fixtures.registerRelay("hook-manche", "50").statusCode(201);
            register("hook-manche", receiver);
            Fixtures.Offer offer = offer("50", 40, W05);
            String uai = school("50", "REP");
            for (int i = 0; i < 12; i++) {
                applied(UUID.randomUUID(), uai, offer, W05);
            }
            receiver.delay(300);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> passes = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    passes.add(pool.submit(() -> {
                        start.await();
                        return sender.run();
                    }));
                }
                start.countDown();
                int attempts = 0;
                for (Future<Integer> pass : passes) {
                    attempts += pass.get(30, TimeUnit.SECONDS);
                }
                assertThat(attempts).isEqualTo(12);
            } finally {
                pool.shutdownNow();
            }
            assertThat(receiver.ids()).hasSize(12).doesNotHaveDuplicates();
        }
    }

    @Test
    void registeringRotatingAndReadingTheWebhookIsTheRelaysOrAnAdminsAndBadInputIsRefused() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Fixtures.registerRelay("hook-orne", "61").statusCode(201);
            String path = "/api/v1/relays/hook-orne/webhook";
            for (String url : List.of("http://relais.example.org/hook", "ftp://127.0.0.1/hook", "not a url",
                    "https://user:pw@relais.example.org/hook", "/relative")) {
                given().header("Authorization", relay("hook-orne")).contentType(ContentType.JSON)
                        .body(Map.of("url", url)).put(path).then().statusCode(400)
                        .contentType("application/problem+json").body("detail", startsWith("url: "));
            }
            given().header("Authorization", relay("hook-eure")).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url())).put(path).then().statusCode(403)
                    .contentType("application/problem+json");
            given().header("Authorization", admin()).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url())).put("/api/v1/relays/hook-nowhere/webhook").then()
                    .statusCode(404).contentType("application/problem+json");
            given().header("Authorization", relay("hook-orne")).get(path).then().statusCode(404);

            String first = given().header("Authorization", admin()).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url())).put(path).then().statusCode(201)
                    .header("Cache-Control", containsString("no-store"))
                    .body("secret", startsWith("whsec_")).extract().path("secret");
            given().header("Authorization", relay("hook-orne")).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url())).put(path).then().statusCode(200).body("secret", nullValue());
            given().header("Authorization", relay("hook-orne")).get(path).then().statusCode(200)
                    .body("url", equalTo(receiver.url())).body("secret", nullValue());
            String rotated = given().header("Authorization", relay("hook-orne")).post(path + "/secret").then()
                    .statusCode(200).body("secret", startsWith("whsec_")).extract().path("secret");
            assertThat(rotated).isNotEqualTo(first);
            assertThat(TestEvents.count("SELECT count(*) FROM audit_log WHERE entity_id = 'hook-orne' "
                    + "AND action LIKE 'relay.webhook.%' AND (detail IS NULL OR detail NOT LIKE '%whsec%')"))
                    .isEqualTo(3);

            receiver.secret(rotated);
            applied(UUID.randomUUID(), school("61", "REP"), offer("61", 5, W05), W05);
            sender.run();
            assertThat(receiver.received()).hasSize(1).allMatch(WebhookReceiver.Received::signatureValid);

            given().header("Authorization", relay("hook-orne"))
                    .get("/api/v1/relays/hook-orne/deliveries?state=LOST").then().statusCode(400)
                    .contentType("application/problem+json");
            given().header("Authorization", relay("hook-orne"))
                    .post("/api/v1/relays/hook-orne/deliveries/not-a-uuid/redeliver").then().statusCode(400)
                    .contentType("application/problem+json");
            given().header("Authorization", relay("hook-eure")).get("/api/v1/relays/hook-orne/deliveries").then()
                    .statusCode(403);
            given().header("Authorization", relay("hook-orne")).delete(path).then().statusCode(204);
            given().header("Authorization", relay("hook-orne")).delete(path).then().statusCode(404);
        }
    }

    /** Registers the receiver as the relay's webhook (by the relay itself) and gives it the secret. */
    private static String register(String relayId, WebhookReceiver receiver) {
        String secret = given().header("Authorization", relay(relayId)).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url())).put("/api/v1/relays/" + relayId + "/webhook").then()
                .statusCode(201).body("secret", startsWith("whsec_")).extract().path("secret");
        receiver.secret(secret);
        return secret;
    }

    private static io.restassured.response.ValidatableResponse delivery(String relayId) {
        return given().header("Authorization", relay(relayId)).get("/api/v1/relays/" + relayId + "/deliveries")
                .then().statusCode(200).body("items", hasSize(1)).rootPath("items[0]");
    }

    private static UUID deliveryId(UUID applicationId, String event) {
        List<UUID> ids = new ArrayList<>();
        try (var connection = io.quarkus.arc.Arc.container().instance(io.agroal.api.AgroalDataSource.class).get()
                .getConnection();
             var select = connection.prepareStatement("SELECT d.id FROM webhook_delivery d JOIN outbox_event o "
                     + "ON o.id = d.id WHERE d.application_id = ? AND o.payload->>'event' = ?")) {
            select.setObject(1, applicationId);
            select.setString(2, event);
            try (var rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add((UUID) rs.getObject(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }
}
