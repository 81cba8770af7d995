package fr.tremplin.gateway.edge;

import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import fr.tremplin.gateway.routing.RouteTable;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Requests per upstream, route prefix, method and status, with their durations. Tags come from bounded sets only
 * (the route table, a fixed list of methods): Quarkus' own http_server_requests would tag each raw path, one time
 * series per offer id, so it is told to ignore /api.
 */
@ApplicationScoped
public class GatewayMetrics {

    /** The tag value for exchanges the gateway answered itself (refusals, unknown paths, its own endpoints). */
    public static final String NO_UPSTREAM = "gateway";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(RouteTable.Route route, String method, int status, long durationNanos) {
        Timer.builder("tremplin.gateway.requests")
                .description("Requests handled by the gateway, by upstream service and status")
                .tag("upstream", route == null ? NO_UPSTREAM : route.service().id())
                .tag("route", route == null ? "none" : route.prefix())
                // Arbitrary methods would let any client create new time series.
                .tag("method", METHODS.contains(method) ? method : "OTHER")
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(Duration.ofNanos(durationNanos));
    }
}
