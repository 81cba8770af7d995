package fr.tremplin.gateway.proxy;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import fr.tremplin.gateway.config.GatewayConfig;
import fr.tremplin.gateway.edge.AccessLog;
import fr.tremplin.gateway.edge.RequestBodyLimit;
import fr.tremplin.gateway.problem.Problem;
import fr.tremplin.gateway.problem.ProblemResponses;
import fr.tremplin.gateway.routing.RouteTable;
import fr.tremplin.gateway.routing.Service;
import fr.tremplin.gateway.routing.UpstreamAddress;
import fr.tremplin.gateway.routing.Upstreams;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;

/**
 * Streams each {@code /api} exchange to the service the route table names: method, path, query, headers and body
 * go up unchanged (hop-by-hop headers aside), status, headers and body come back unchanged.
 */
@Singleton
public class UpstreamProxy implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(UpstreamProxy.class);

    private final Map<Service, Handler<RoutingContext>> proxies = new EnumMap<>(Service.class);
    private final UpstreamPlaces places;

    public UpstreamProxy(Upstreams upstreams, GatewayConfig config, RequestBodyLimit bodyLimit, UpstreamPlaces places) {
        this.places = places;
        long idleTimeout = config.requestTimeout().toMillis();
        for (Service service : Service.values()) {
            UpstreamAddress address = upstreams.address(service);
            HttpProxy proxy = HttpProxy.reverseProxy(upstreams.client())
                    // No time limit on obtaining a pooled connection (RequestOptions' connect timeout): UpstreamPlaces
                    // keeps requests from waiting for one, and Vert.x 4.5 leaks the connection a waiter gets as its
                    // limit fires. Opening a connection keeps its limit (Upstreams, the client's connect timeout).
                    // The client is the calling event loop's own (Upstreams), not the one the proxy was built with.
                    .origin(context -> upstreams.client().request(address.server().setIdleTimeout(idleTimeout))
                            // Failures reach the interceptor through the response; without a handler Vert.x would
                            // also log each one (e.g. an upload aborted past the size limit) as an ERROR.
                            .map(request -> request.exceptionHandler(UpstreamProxy::upstreamRequestFailed)))
                    .addInterceptor(new UpstreamInterceptor(service, address, bodyLimit.maxBytes(),
                            () -> upstreams.freshClient().request(address.server().setIdleTimeout(idleTimeout))
                                    .map(request -> request.exceptionHandler(UpstreamProxy::upstreamRequestFailed))));
            proxies.put(service, ProxyHandler.create(proxy));
        }
    }

    private static void upstreamRequestFailed(Throwable failure) {
        LOG.debugf("upstream request failed: %s", failure.toString());
    }

    @Override
    public void handle(RoutingContext ctx) {
        // Routed on the normalised path (dot segments resolved), which is also the path the service will act on.
        Optional<RouteTable.Route> route = RouteTable.resolve(ctx.normalizedPath());
        if (route.isEmpty()) {
            ProblemResponses.send(ctx, Problem.notFound("No service answers " + ctx.request().path() + "."));
            return;
        }
        AccessLog.recordRoute(ctx, route.get());
        if (!places.enter(ctx, route.get().service())) {
            return;
        }
        proxies.get(route.get().service()).handle(ctx);
    }
}
