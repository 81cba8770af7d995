package fr.tremplin.applications.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The relays' webhooks ({@code tremplin.applications.webhooks.*}, docs/APPLICATIONS.md "Webhooks"). */
@ConfigMapping(prefix = "tremplin.applications.webhooks")
public interface WebhookConfig {

    /**
     * The PostgreSQL channel notified, on commit, when a delivery becomes due now (queued with its feed message, or
     * redelivered): it wakes the sender at once.
     */
    String CHANNEL = "tremplin_webhooks";

    /**
     * The sender's fallback pass, for what no notification announces (leases run out after a crash, a failed pass,
     * what was committed while the listener reconnected); a retry falling due wakes it sooner. {@code 1s}, {@code
     * PT10S}...; {@code off}: no sender at all (the tests run it themselves).
     */
    @WithDefault("1s")
    String every();

    /** Up to how many deliveries the sender keeps in flight at once, batch after batch, across the relays. */
    @WithDefault("400")
    int inFlight();

    /** How long one POST may take (connection and answer) before it counts as failed. */
    @WithDefault("PT5S")
    Duration timeout();

    /** The wait after a first failure; each further failure doubles it, up to {@link #maxBackoff()}. */
    @WithDefault("PT10S")
    Duration initialBackoff();

    @WithDefault("PT1H")
    Duration maxBackoff();

    /** How long after its message a failing delivery is retried before it is parked. */
    @WithDefault("P1D")
    Duration retryWindow();

    /** How long an instance holds a delivery it is sending (longer than the timeout). */
    @WithDefault("PT1M")
    Duration lease();

    /**
     * How many deliveries one batch of a pass sends at once (the pass goes on batch after batch while they come full):
     * each batch costs a lease query and a commit, and waits for its slowest POST.
     */
    @WithDefault("200")
    int batchSize();

    /** Whether a plain-http callback on a loopback host (localhost, 127.0.0.1, ::1) is accepted: dev and tests only. */
    @WithDefault("false")
    boolean allowHttpLoopback();
}
