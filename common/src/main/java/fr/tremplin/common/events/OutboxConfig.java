package fr.tremplin.common.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "tremplin.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of every event this service emits, e.g. {@code /tremplin/offers-service}. */
    @WithDefault("/tremplin/${quarkus.application.name}")
    String source();

    /**
     * How often the relay looks for committed events when no notification woke it (a failed pass is retried after
     * it); a commit's notification wakes it at once. It drains a backlog in consecutive passes. Five seconds: a pass
     * a second in each service was a good part of the platform's CPU at rest (docs/BENCHMARKS.md).
     */
    @WithDefault("5s")
    Duration pollInterval();

    /** How many pending events one relay pass publishes at most before committing. */
    @WithDefault("500")
    int batchSize();

    /** How long published rows are kept for inspection before they are purged. */
    @WithDefault("P7D")
    Duration retention();

    /** Set false to keep the relay from publishing (a service instance that must not talk to Kafka). */
    @WithDefault("true")
    boolean relayEnabled();
}
