package fr.tremplin.applications;

import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A relay's webhook endpoint, as a partner would run one (JDK HTTP server on the loopback): it verifies each POST's
 * Standard Webhooks signature with the secret it was given, on its own (not with the service's code), and answers as
 * the test tells it: 204, 500, or too late (after the service's timeout).
 */
final class WebhookReceiver implements AutoCloseable {

    enum Mode { ACCEPT, FAIL, SLOW }

    record Received(String id, String timestamp, String signature, String body, boolean signatureValid,
                    int answered) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.ACCEPT;
    private volatile String secret;
    private volatile long delayMillis = 0;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            Mode now = mode;
            int status = now == Mode.FAIL ? 500 : 204;
            received.add(new Received(id, timestamp, signature, body, valid(id, timestamp, signature, body), status));
            try {
                Thread.sleep(now == Mode.SLOW ? 3000 : delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                exchange.sendResponseHeaders(status, -1);
            } catch (IOException gone) {
                // the service gave up waiting (SLOW): nothing to answer to
            }
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void secret(String secret) {
        this.secret = secret;
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    void delay(long millis) {
        this.delayMillis = millis;
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    List<String> ids() {
        return received.stream().map(Received::id).toList();
    }

    void clear() {
        received.clear();
    }

    private boolean valid(String id, String timestamp, String signature, String body) {
        if (secret == null || id == null || timestamp == null || signature == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            for (String candidate : signature.split(" ")) {
                if (candidate.equals(expected)) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
