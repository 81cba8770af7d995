package fr.tremplin.examples.webhook;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receiver on a loopback port, sent what applications-service's WebhookSender sends: the same headers, the body
 * of WebhookOutbox, signed as its WebhookSignature signs (the documented algorithm, written again here: the example's
 * module does not depend on the service).
 */
class RelayWebhookReceiverTest {

    private final String secret = newSecret();
    private final List<WebhookDelivery> handled = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private RelayWebhookReceiver receiver;
    private volatile boolean failHandling;

    @BeforeEach
    void start() throws Exception {
        receiver = new RelayWebhookReceiver(new InetSocketAddress("127.0.0.1", 0),
                new WebhookVerifier(secret, Clock.systemUTC()), delivery -> {
                    if (failHandling) {
                        throw new IllegalStateException("the relay's database is down");
                    }
                    handled.add(delivery);
                });
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aDeliverySignedAsThePlatformSignsIsHandledAndAnswered204() throws Exception {
        String id = UUID.randomUUID().toString();
        String applicationId = UUID.randomUUID().toString();

        HttpResponse<Void> response = post(id, now(), feedMessage(applicationId, "SUBMITTED"), secret);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(handled).containsExactly(new WebhookDelivery(id, "relay.candidacy.changed", applicationId,
                "application.submitted", "SUBMITTED"));
    }

    @Test
    void aRepeatedIdIsAcknowledgedButHandledOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        String body = feedMessage(UUID.randomUUID().toString(), "SUBMITTED");

        assertThat(post(id, now(), body, secret).statusCode()).isEqualTo(204);
        assertThat(post(id, now(), body, secret).statusCode()).isEqualTo(204);

        assertThat(handled).hasSize(1);
        assertThat(post(UUID.randomUUID().toString(), now(), body, secret).statusCode()).isEqualTo(204);
        assertThat(handled).hasSize(2);
    }

    @Test
    void aTamperedOrWronglySignedDeliveryIsRefused401AndNotHandled() throws Exception {
        String id = UUID.randomUUID().toString();
        long timestamp = now();
        String body = feedMessage(UUID.randomUUID().toString(), "SUBMITTED");
        String signature = sign(secret, id, timestamp, body);

        assertThat(send(id, timestamp, body.replace("SUBMITTED", "FORWARDED"), signature).statusCode()).isEqualTo(401);
        assertThat(post(id, timestamp, body, newSecret()).statusCode()).isEqualTo(401);
        assertThat(post(id, timestamp - 600, body, secret).statusCode()).as("replayed 10 minutes later").isEqualTo(401);
        assertThat(send(id, timestamp, body, null).statusCode()).isEqualTo(400);
        assertThat(handled).isEmpty();

        assertThat(send(id, timestamp, body, signature).statusCode()).as("the genuine one, still not handled").isEqualTo(204);
        assertThat(handled).hasSize(1);
    }

    @Test
    void aFailureWhileHandlingIsA500SoThatThePlatformSendsItAgain() throws Exception {
        String id = UUID.randomUUID().toString();
        String body = feedMessage(UUID.randomUUID().toString(), "SUBMITTED");
        failHandling = true;
        assertThat(post(id, now(), body, secret).statusCode()).isEqualTo(500);
        failHandling = false;
        assertThat(post(id, now(), body, secret).statusCode()).isEqualTo(204);
        assertThat(handled).extracting(WebhookDelivery::id).containsExactly(id);
    }

    @Test
    void onlyPostIsServed() throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(receiver.url())).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(405);
    }

    private HttpResponse<Void> post(String id, long timestamp, String body, String withSecret) throws Exception {
        return send(id, timestamp, body, sign(withSecret, id, timestamp, body));
    }

    /** The request WebhookSender builds. */
    private HttpResponse<Void> send(String id, long timestamp, String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.url())).timeout(Duration.ofSeconds(5))
                .header("content-type", "application/json")
                .header("user-agent", "tremplin-webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("webhook-signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    /** WebhookOutbox's body: {"type", "timestamp", "data"}, data being the feed message (with a non-ASCII title). */
    private static String feedMessage(String applicationId, String state) {
        return "{\"type\":\"relay.candidacy.changed\",\"timestamp\":\"2028-01-10T08:00:00Z\",\"data\":{"
                + "\"event\":\"application.submitted\",\"occurredAt\":\"2028-01-10T08:00:00Z\",\"applicationId\":\""
                + applicationId + "\",\"pupilId\":\"" + UUID.randomUUID() + "\",\"schoolUai\":\"0590001A\","
                + "\"schoolPriority\":\"REP_PLUS\",\"classId\":\"3e-B\",\"offerTitle\":\"Découvrir un métier\","
                + "\"department\":\"59\",\"week\":\"2028-W05\",\"startsOn\":\"2028-01-31\",\"state\":\"" + state
                + "\",\"relayId\":\"face-nord\",\"holdExpiresAt\":null}}";
    }

    /** WebhookSignature.newSecret: whsec_ and the base64 of 32 random bytes. */
    private static String newSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** WebhookSignature.sign: v1, and the base64 HMAC-SHA256 of id.timestamp.body under the decoded key. */
    private static String sign(String secret, String id, long timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
