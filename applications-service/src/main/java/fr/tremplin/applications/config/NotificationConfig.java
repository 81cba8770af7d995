package fr.tremplin.applications.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Emails ({@code tremplin.notifications.*}, docs/APPLICATIONS.md "Notifications"). */
@ConfigMapping(prefix = "tremplin.notifications")
public interface NotificationConfig {

    /** The PostgreSQL channel notified, on commit, when a message is queued: it wakes the sender at once. */
    String CHANNEL = "tremplin_notifications";

    /** The sender's fallback pass ({@code 1s}, {@code PT10S}); {@code off}: no sender (the tests run it themselves). */
    @WithDefault("1s")
    String every();

    /** How many messages one batch leases and records together. */
    @WithDefault("100")
    int batchSize();

    /**
     * Up to how many messages are on their way to the SMTP server at once, across batches: twice the mailer's pool
     * ({@code quarkus.mailer.max-pool-size}), so that a connection freed finds its next message already written.
     */
    @WithDefault("400")
    int inFlight();

    /** The wait after a first SMTP failure; doubled at each further one, up to {@link #maxBackoff()}. */
    @WithDefault("PT30S")
    Duration initialBackoff();

    @WithDefault("PT1H")
    Duration maxBackoff();

    /** How long after it was queued a failing message is retried before it is FAILED for good. */
    @WithDefault("P1D")
    Duration retryWindow();

    /** How long an instance holds a message it is sending. */
    @WithDefault("PT2M")
    Duration lease();

    /** How long before the hold ends the family is reminded. */
    @WithDefault("PT48H")
    Duration reminderBefore();

    /** How often the reminder timer looks for holds ending soon ({@code off} in tests: they run it). */
    @WithDefault("10m")
    String reminderEvery();

    /** When the hosts' daily digest goes (a Quartz-style cron, Paris time; {@code off} in tests: they run it). */
    @WithDefault("0 0 7 * * ?")
    String digestCron();

    /**
     * The address the links of the emails start with (the front-end, or the gateway): the candidacy, the signing
     * link, the preferences. No trailing slash.
     */
    @WithDefault("http://127.0.0.1:8080")
    String publicUrl();
}
