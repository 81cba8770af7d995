package fr.tremplin.gateway.edge;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import fr.tremplin.gateway.routing.RouteTable;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Requests per upstream, route prefix, method and status, with their durations. Tags come from bounded sets only
 * (the route table, a fixed list of methods): Quarkus' own http_server_requests would tag each raw path, one time
 * series per offer id, so it is told to ignore /api.
 */
@Singleton
public class GatewayMetrics {

    /** The tag value for exchanges the gateway answered itself (refusals, unknown paths, its own endpoints). */
    public static final String NO_UPSTREAM = "gateway";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final MeterRegistry registry;
    // Looked up here rather than through the registry: building a meter's id for each exchange (tags sorted and
    // merged) was among the gateway's own costs a request.
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(RouteTable.Route route, String method, int status, long durationNanos) {
        // Arbitrary methods would let any client create new time series.
        String knownMethod = METHODS.contains(method) ? method : "OTHER";
        timers.computeIfAbsent(new Series(route, knownMethod, status), this::timer).record(durationNanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Series series) {
        return Timer.builder("tremplin.gateway.requests")
                .description("Requests handled by the gateway, by upstream service and status")
                .tag("upstream", series.route() == null ? NO_UPSTREAM : series.route().service().id())
                .tag("route", series.route() == null ? "none" : series.route().prefix())
                .tag("method", series.method())
                .tag("status", Integer.toString(series.status()))
                .register(registry);
    }

    /** One time series; the map of them is as bounded as their tags. */
    private record Series(RouteTable.Route route, String method, int status) {
    }
}
