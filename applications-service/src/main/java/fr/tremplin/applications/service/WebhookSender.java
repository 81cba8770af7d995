package fr.tremplin.applications.service;

import fr.tremplin.applications.config.WebhookConfig;
import fr.tremplin.applications.domain.RetrySchedule;
import fr.tremplin.applications.domain.WebhookSignature;
import fr.tremplin.applications.repository.LeasedQueue;
import fr.tremplin.applications.repository.WebhookDeliveries;
import fr.tremplin.common.events.NotifiedLoop;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Sends the relays' webhook deliveries (docs/APPLICATIONS.md "Webhooks"). It runs on a thread of its own
 * ({@link NotifiedLoop}), woken at once by the notification {@code WebhookOutbox} sends with each queued delivery, and
 * otherwise when the next retry falls due or, at the latest, every {@code tremplin.applications.webhooks.every} (the
 * fallback: leases left by a stopped instance, a failed pass). A pass leases the due deliveries
 * ({@link WebhookDeliveries#lease}: one at a time per candidacy, in order, never the same one by two instances), POSTs
 * each with the Standard Webhooks headers (JDK HttpClient, {@code timeout} per request, no redirect followed), and
 * records a batch's outcomes in a transaction of their own: a 2xx is DELIVERED; anything else (status, timeout,
 * connection) is tried again after an exponential backoff, and parked once past the retry window (24 h). Up to
 * {@code in-flight} deliveries are on their way at once: the next batch is leased while the earlier ones wait for their
 * answers, so a slow receiver holds back its own deliveries, not the whole sender. A crash while sending leaves the
 * lease to run out: the delivery is sent again (at least once; receivers dedupe on {@code webhook-id}). Never logs a
 * secret, a body or a relay id.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final WebhookDeliveries deliveries;
    private final WebhookConfig config;
    private final Clock clock;
    private final RetrySchedule retry;
    private final HttpClient http;
    private final BatchesInFlight batches = new BatchesInFlight("webhook deliveries");
    private volatile NotifiedLoop loop;

    public WebhookSender(WebhookDeliveries deliveries, WebhookConfig config, Clock clock) {
        this.deliveries = deliveries;
        this.config = config;
        this.clock = clock;
        this.retry = new RetrySchedule(config.initialBackoff(), config.maxBackoff(), config.retryWindow());
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private record Outcome(WebhookDeliveries.Due delivery, Integer status, String error) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    void onStart(@Observes StartupEvent event) {
        Optional<Duration> fallback = Every.parse(config.every());
        if (fallback.isEmpty()) {
            return;
        }
        loop = NotifiedLoop.start("webhook-sender", WebhookConfig.CHANNEL, fallback.get(), () -> {
            run();
            return untilNextPass(fallback.get());
        });
    }

    /**
     * Waits for the pass under way (its POSTs take at most the timeout) before the datasource and Hibernate shut down,
     * so that no pass runs against them once they are closed.
     */
    void onStop(@Observes ShutdownEvent event) {
        NotifiedLoop running = loop;
        if (running != null) {
            running.stop(config.timeout().plusSeconds(5));
        }
        batches.shutdown();
    }

    /** The fallback, or less when a failed delivery's retry falls due sooner. */
    private Duration untilNextPass(Duration fallback) {
        Instant now = clock.instant();
        return LeasedQueue.untilNextPass(now, QuarkusTransaction.requiringNew().call(() -> deliveries.nextRetry(now)),
                fallback);
    }

    /**
     * Sends everything due now: batch after batch while deliveries come, with up to {@code in-flight} of them on their
     * way at once; a batch's answers may let the next message of its candidacies go, so an empty lease waits for a
     * batch in flight before it gives up. Returns how many attempts it made, once all their outcomes are recorded.
     */
    public int run() {
        return batches.pass(() -> loop == null || loop.running(), config.batchSize(), config.inFlight(), size -> {
            Instant now = clock.instant();
            return QuarkusTransaction.requiringNew().call(() -> deliveries.lease(now, now.plus(config.lease()), size));
        }, this::send, this::record);
    }

    /** POSTs the batch; completes once the last answer (or timeout) is in. */
    private CompletableFuture<List<Outcome>> send(List<WebhookDeliveries.Due> due) {
        List<CompletableFuture<Outcome>> sending = new ArrayList<>(due.size());
        for (WebhookDeliveries.Due delivery : due) {
            sending.add(post(delivery));
        }
        return CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new))
                .thenApply(done -> sending.stream().map(CompletableFuture::join).toList());
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
        Map<Integer, List<UUID>> deliveredByStatus = outcomes.stream().filter(Outcome::delivered).collect(
                Collectors.groupingBy(Outcome::status, Collectors.mapping(outcome -> outcome.delivery().id(),
                        Collectors.toList())));
        QuarkusTransaction.requiringNew().run(() -> {
            deliveredByStatus.forEach((status, ids) -> deliveries.delivered(ids, status, now));
            for (Outcome outcome : outcomes) {
                WebhookDeliveries.Due delivery = outcome.delivery();
                if (!outcome.delivered()) {
                    RetrySchedule.Next next = retry.after(delivery.retryFrom(), delivery.attempts() + 1, now);
                    deliveries.failed(delivery.id(), outcome.status(), outcome.error(), next.at(), next.givesUp(), now);
                }
            }
        });
        long failed = outcomes.stream().filter(outcome -> !outcome.delivered()).count();
        if (failed > 0) {
            LOG.infof("webhook deliveries: %d of %d failed, to be retried or parked", failed, outcomes.size());
        }
    }
}
