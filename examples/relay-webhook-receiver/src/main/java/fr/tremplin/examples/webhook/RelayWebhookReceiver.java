package fr.tremplin.examples.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A relay's webhook endpoint (docs/RELAYS.md "Signed webhooks"): verifies every POST ({@link WebhookVerifier}), answers
 * 401 to one it cannot trust, 204 once the message is handled, and 204 without handling it again to a repeated
 * {@code webhook-id}. Any other answer makes the platform retry later (with a backoff, for 24 hours): an error while
 * handling is a 500, so the message comes back.
 * <p>
 * Run: {@code TREMPLIN_WEBHOOK_SECRET} (the {@code whsec_...} the platform returned), optionally
 * {@code TREMPLIN_WEBHOOK_HOST} (default 127.0.0.1) and {@code TREMPLIN_WEBHOOK_PORT} (default 8090); it serves
 * {@code POST /tremplin} (README.md). In production it sits behind the relay's HTTPS front.
 */
public final class RelayWebhookReceiver implements AutoCloseable {

    public static final String PATH = "/tremplin";
    /** Far more than a feed message; a bigger body is not the platform's. */
    private static final int MAX_BODY = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final WebhookVerifier verifier;
    private final RecentIds handled = new RecentIds(100_000);
    private final Consumer<WebhookDelivery> handler;

    public RelayWebhookReceiver(InetSocketAddress address, WebhookVerifier verifier, Consumer<WebhookDelivery> handler)
            throws IOException {
        this.verifier = verifier;
        this.handler = handler;
        this.server = HttpServer.create(address, 0);
        server.setExecutor(threads);
        server.createContext(PATH, this::receive);
        server.start();
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> env = System.getenv();
        String secret = env.get("TREMPLIN_WEBHOOK_SECRET");
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("set TREMPLIN_WEBHOOK_SECRET to the whsec_... the platform returned (README.md)");
        }
        InetSocketAddress address = new InetSocketAddress(env.getOrDefault("TREMPLIN_WEBHOOK_HOST", "127.0.0.1"),
                Integer.parseInt(env.getOrDefault("TREMPLIN_WEBHOOK_PORT", "8090")));
        RelayWebhookReceiver receiver = new RelayWebhookReceiver(address,
                new WebhookVerifier(secret.strip(), Clock.systemUTC()), RelayWebhookReceiver::handle);
        Runtime.getRuntime().addShutdownHook(new Thread(receiver::close));
        System.out.println("listening on " + receiver.url());
    }

    /** What a relay does with a message. This one prints it; the comments say where the REST API comes in. */
    static void handle(WebhookDelivery delivery) {
        System.out.printf("%s %s candidacy %s state %s (event %s)%n", delivery.id(), delivery.type(),
                delivery.applicationId(), delivery.state(), delivery.event());
        if ("relay.candidacy.changed".equals(delivery.type()) && "SUBMITTED".equals(delivery.state())) {
            // A candidacy waits for the relay's triage. Answer within 5 seconds and decide afterwards (a queue of the
            // relay's own), then through the REST API with a relay token:
            //   POST /api/v1/applications/{applicationId}/forward                      to the host
            //   POST /api/v1/applications/{applicationId}/redirect | /reject {"reason": "..."}
            // A 409 means it was decided already.
        }
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + PATH;
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = readAtMost(exchange.getRequestBody(), MAX_BODY);
            if (body == null) {
                exchange.sendResponseHeaders(413, -1);
                return;
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            WebhookVerifier.Result verdict = verifier.verify(id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body);
            if (verdict != WebhookVerifier.Result.VALID) {
                // not from the platform, altered, or replayed: handle nothing, and say no more than that
                System.out.println("refused a delivery: " + verdict);
                exchange.sendResponseHeaders(verdict == WebhookVerifier.Result.MISSING_HEADERS ? 400 : 401, -1);
                return;
            }
            if (!handled.firstTime(id)) {
                exchange.sendResponseHeaders(204, -1);   // a repeat: already handled, just acknowledge it
                return;
            }
            try {
                handler.accept(WebhookDelivery.parse(id, new String(body, StandardCharsets.UTF_8)));
            } catch (RuntimeException e) {
                handled.forget(id);
                System.out.println("could not handle " + id + ": " + e.getMessage());
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** The body, or null when it is longer than {@code limit}. */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] body = in.readNBytes(limit + 1);
        return body.length > limit ? null : body;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
