package fr.tremplin.applications.service;

import fr.tremplin.applications.config.WebhookConfig;
import fr.tremplin.applications.domain.WebhookRetry;
import fr.tremplin.applications.domain.WebhookSignature;
import fr.tremplin.applications.repository.WebhookDeliveries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Sends the relays' webhook deliveries (docs/APPLICATIONS.md "Webhooks"): every
 * {@code tremplin.applications.webhooks.every}, it leases the due deliveries ({@link WebhookDeliveries#lease}: one at a
 * time per candidacy, in order, never the same one by two instances), POSTs each with the Standard Webhooks headers
 * (JDK HttpClient, {@code timeout} per request, no redirect followed), and records the batch's outcomes in a transaction of
 * their own: a 2xx is DELIVERED; anything else (status, timeout, connection) is tried again after an exponential backoff,
 * and parked once past the retry window (24 h). A crash while sending leaves the lease to run out: the delivery is
 * sent again (at least once; receivers dedupe on {@code webhook-id}). Never logs a secret, a body or a relay id.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final WebhookDeliveries deliveries;
    private final WebhookConfig config;
    private final Clock clock;
    private final WebhookRetry retry;
    private final HttpClient http;

    public WebhookSender(WebhookDeliveries deliveries, WebhookConfig config, Clock clock) {
        this.deliveries = deliveries;
        this.config = config;
        this.clock = clock;
        this.retry = new WebhookRetry(config.initialBackoff(), config.maxBackoff(), config.retryWindow());
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private record Outcome(WebhookDeliveries.Due delivery, Integer status, String error) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    @Scheduled(identity = "relay-webhooks", every = "${tremplin.applications.webhooks.every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Sends everything due now, batch by batch; returns how many attempts it made. */
    public int run() {
        int attempts = 0;
        List<WebhookDeliveries.Due> due;
        do {
            Instant now = clock.instant();
            due = QuarkusTransaction.requiringNew().call(
                    () -> deliveries.lease(now, now.plus(config.lease()), config.batchSize()));
            send(due);
            attempts += due.size();
        } while (due.size() >= config.batchSize());
        return attempts;
    }

    private void send(List<WebhookDeliveries.Due> due) {
        List<CompletableFuture<Outcome>> sending = new ArrayList<>(due.size());
        for (WebhookDeliveries.Due delivery : due) {
            sending.add(post(delivery));
        }
        List<Outcome> outcomes = sending.stream().map(CompletableFuture::join).toList();
        record(outcomes);
        long failed = outcomes.stream().filter(outcome -> !outcome.delivered()).count();
        if (failed > 0) {
            LOG.infof("webhook deliveries: %d of %d failed, to be retried or parked", failed, due.size());
        }
    }

    private CompletableFuture<Outcome> post(WebhookDeliveries.Due delivery) {
        long timestamp = clock.instant().getEpochSecond();
        String id = delivery.id().toString();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(config.timeout())
                    .header("content-type", "application/json")
                    .header("user-agent", "tremplin-webhooks/1")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(delivery.secret(), id, timestamp,
                            delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body())).build();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Outcome(delivery, null, "unusable callback URL"));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> error == null
                        ? new Outcome(delivery, response.statusCode(),
                                response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode())
                        : new Outcome(delivery, null, describe(error)));
    }

    /** Why the POST failed, without anything the receiver sent back. */
    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return "timed out";
        }
        return "connection failed (" + cause.getClass().getSimpleName() + ")";
    }

    /**
     * Records a batch's outcomes in one transaction: one commit per delivery capped the sender at a few dozen
     * deliveries a second on a loaded 2-core machine, under the rate of a campaign's feed (docs/BENCHMARKS.md, relay
     * feeds and webhooks). Should that transaction fail, the batch's leases run out and it is sent again (at least once).
     */
    private void record(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            for (Outcome outcome : outcomes) {
                WebhookDeliveries.Due delivery = outcome.delivery();
                if (outcome.delivered()) {
                    deliveries.delivered(delivery.id(), outcome.status(), now);
                } else {
                    int failures = delivery.attempts() + 1;
                    deliveries.failed(delivery.id(), outcome.status(), outcome.error(),
                            now.plus(retry.backoff(failures)), retry.parks(delivery.retryFrom(), failures, now), now);
                }
            }
        });
    }
}
