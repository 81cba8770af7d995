package fr.tremplin.common.events;

import io.smallrye.health.api.Wellness;
import io.smallrye.reactive.messaging.health.HealthReport;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.util.Map;
import java.util.TreeMap;

/**
 * Kafka as this service's events see it: each consumer channel (connected, or failed) and the outbox relay (its last
 * pass failed, and why). A <em>wellness</em> check ({@code /q/health/well}, and {@code /q/health}), never a readiness
 * or liveness one: while Kafka is away a service still serves its requests, the outbox keeps their events and the
 * consumers catch up on its return, so Kubernetes must keep routing to it and must not restart it
 * (docs/ARCHITECTURE.md, "Health"). Reactive Messaging's own checks are off ({@code quarkus.messaging.health.enabled})
 * for that reason; this one reads the same channel reports.
 */
@Wellness
@ApplicationScoped
public class KafkaHealth implements HealthCheck {

    static final String NAME = "kafka";

    private final HealthCenter channels;
    private final OutboxRelay relay;

    public KafkaHealth(HealthCenter channels, OutboxRelay relay) {
        this.channels = channels;
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        boolean up = true;
        Map<String, String> data = new TreeMap<>();
        HealthReport connected = channels.getReadiness();
        for (HealthReport.ChannelInfo channel : connected.getChannels()) {
            up &= channel.isOk();
            data.put("channel." + channel.getChannel(), describe(channel, "connected", "not connected"));
        }
        for (HealthReport.ChannelInfo channel : channels.getLiveness().getChannels()) {
            if (!channel.isOk()) {
                up = false;
                data.put("channel." + channel.getChannel(), describe(channel, "alive", "failed"));
            }
        }
        OutboxRelay.Failure failure = relay.lastFailure();
        if (failure != null) {
            up = false;
            data.put("outbox-relay", "failing since " + failure.since() + ": " + failure.reason());
        } else {
            data.put("outbox-relay", "publishing");
        }
        data.forEach(response::withData);
        return response.status(up).build();
    }

    private static String describe(HealthReport.ChannelInfo channel, String ok, String notOk) {
        String message = channel.getMessage();
        return (channel.isOk() ? ok : notOk) + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
