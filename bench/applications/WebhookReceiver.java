import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relays' webhook endpoints, as a relay would run one (docs/RELAYS.md, "Signed webhooks"): a JDK HTTP server on a
 * loopback port the system picks, {@code /webhooks/<relayId>} for each relay; each relay's webhook is registered
 * through the API ({@code PUT /api/v1/relays/{id}/webhook}, plain http on loopback, which the bench's service allows).
 * Every delivery's Standard Webhooks signature is verified (HMAC-SHA256 of {@code id.timestamp.body} with the relay's
 * secret, timestamp within 5 minutes) before its arrival is recorded (RelayArrivals); it is answered 204, or 401 when
 * it does not verify (the service then retries it).
 */
final class WebhookReceiver {

    private final HttpServer server;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final RelayArrivals arrivals = new RelayArrivals("webhook");
    private final AtomicLong unverified = new AtomicLong();
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.createContext("/webhooks/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** Registers each relay's webhook to this receiver and keeps the secret the answer shows once. */
    void register(LeanHttp http, List<String> relays, String admin) throws Exception {
        for (String relayId : relays) {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/" + relayId;
            LeanHttp.Answer answer = http.call("PUT", "/api/v1/relays/" + relayId + "/webhook", admin,
                    CampaignLoad.JSON.writeValueAsString(Map.of("url", url)));
            if (answer.status() / 100 != 2) {
                throw new IllegalStateException("webhook registration of " + relayId + ": " + answer);
            }
            String secret = CampaignLoad.JSON.readTree(answer.body()).get("secret").asText();
            keys.put(relayId, Base64.getDecoder().decode(secret.substring("whsec_".length())));
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.currentTimeMillis();
        try (exchange) {
            String relayId = exchange.getRequestURI().getPath().substring("/webhooks/".length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            byte[] key = keys.get(relayId);
            if (key == null || id == null || timestamp == null || signatures == null
                    || !verifies(key, id, timestamp, body, signatures)) {
                unverified.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            JsonNode message = CampaignLoad.JSON.readTree(body);
            arrivals.arrived(relayId, id, message.get("data"), now);
            exchange.sendResponseHeaders(204, -1);
        } catch (RuntimeException e) {
            e.printStackTrace();
            exchange.sendResponseHeaders(500, -1);
        }
    }

    private boolean verifies(byte[] key, String id, String timestamp, byte[] body, String signatures) {
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        Mac mac = macs.get();
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = ("v1," + Base64.getEncoder().encodeToString(mac.doFinal(body)))
                .getBytes(StandardCharsets.UTF_8);
        return Arrays.stream(signatures.split(" "))
                .anyMatch(s -> MessageDigest.isEqual(s.getBytes(StandardCharsets.UTF_8), expected));
    }

    RelayArrivals arrivals() {
        return arrivals;
    }

    /** Deliveries refused because their signature did not verify: must be 0. */
    long unverified() {
        return unverified.get();
    }

    void stop() {
        server.stop(0);
    }
}
