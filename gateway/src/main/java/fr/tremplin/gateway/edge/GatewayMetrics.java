package fr.tremplin.gateway.edge;

import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Requests per upstream, method and status, with their durations. */
@ApplicationScoped
public class GatewayMetrics {

    /** The tag value for exchanges the gateway answered itself (refusals, unknown paths, its own endpoints). */
    public static final String NO_UPSTREAM = "gateway";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String upstream, String method, int status, long durationNanos) {
        Timer.builder("tremplin.gateway.requests")
                .description("Requests handled by the gateway, by upstream service and status")
                .tag("upstream", upstream == null ? NO_UPSTREAM : upstream)
                // Arbitrary methods would let any client create new time series.
                .tag("method", METHODS.contains(method) ? method : "OTHER")
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(Duration.ofNanos(durationNanos));
    }
}
