package fr.tremplin.gateway.proxy;

import java.util.EnumMap;
import java.util.Map;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import fr.tremplin.common.web.InFlightLimit;
import fr.tremplin.common.web.RefusalLog;
import fr.tremplin.gateway.config.GatewayConfig;
import fr.tremplin.gateway.problem.Problem;
import fr.tremplin.gateway.problem.ProblemResponses;
import fr.tremplin.gateway.routing.Service;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * At most {@code max-connections-per-upstream} requests on their way to each service: one for each pooled connection,
 * so that no request ever waits in the client's queue for one. Past that, a 503 problem with Retry-After at once, as
 * the service itself answers past its own bound (tremplin-common's {@code AdmissionLimit}, 64 as well).
 *
 * <p>Why not let Vert.x queue them: in Vert.x 4.5 a request that waits for a pooled connection with a timeout can be
 * handed the connection just as its timeout fires. The client is answered 504, and the connection stays leased to a
 * request nobody sends, until the 30 s request timeout closes it. Under overload every waiter is near its timeout, all
 * 64 connections were caught that way, and the gateway answered 504 to 98 % of the searches while the service sat idle
 * (docs/BENCHMARKS.md, "The gateway under overload"; fixed in Vert.x 5: eclipse-vertx/vert.x#5966).
 * Each service has its own places: a slow one does not hold the others' requests.
 */
@Singleton
public class UpstreamPlaces {

    private final Map<Service, InFlightLimit> places = new EnumMap<>(Service.class);
    private final RefusalLog refusals;

    public UpstreamPlaces(GatewayConfig config, MeterRegistry registry) {
        int limit = config.maxConnectionsPerUpstream();
        for (Service service : Service.values()) {
            InFlightLimit limitOfService = new InFlightLimit(limit);
            places.put(service, limitOfService);
            Gauge.builder("tremplin.gateway.upstream.in.flight", limitOfService, InFlightLimit::inFlight)
                    .description("Requests on their way to the service now (at most max-connections-per-upstream)")
                    .tag("upstream", service.id())
                    .register(registry);
        }
        this.refusals = new RefusalLog(Logger.getLogger(UpstreamPlaces.class),
                "API requests refused with 503, " + limit + " already on their way to their service,");
    }

    /**
     * Takes a place for the request, given back when its exchange ends; or answers it 503 and returns false. The
     * refusal is counted in {@code tremplin_gateway_requests} with its status, like every answer.
     */
    public boolean enter(RoutingContext ctx, Service service) {
        InFlightLimit limit = places.get(service);
        if (!limit.tryEnter()) {
            refusals.refused();
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
            ProblemResponses.send(ctx, Problem.busy());
            return false;
        }
        // called once, when the response has ended or the connection closed under it
        ctx.addEndHandler(done -> limit.leave());
        return true;
    }
}
