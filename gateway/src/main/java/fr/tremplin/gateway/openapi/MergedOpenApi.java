package fr.tremplin.gateway.openapi;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import fr.tremplin.gateway.config.GatewayConfig;
import fr.tremplin.gateway.routing.Service;
import fr.tremplin.gateway.routing.Upstreams;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the platform's OpenAPI document, merged from the services' and cached, so that reading the API
 * description costs the services one request per service per minute whatever the traffic.
 */
@ApplicationScoped
public class MergedOpenApi implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);
    static final String SERVICE_DOCUMENT = "/q/openapi?format=json";

    private record Cached(Buffer body, long expiresAt) {
    }

    private final Upstreams upstreams;
    private final long ttlNanos;
    private final long degradedTtlNanos;
    private final long fetchTimeoutMillis;
    private volatile Cached cached;
    private Future<Buffer> inFlight;

    public MergedOpenApi(Upstreams upstreams, GatewayConfig config) {
        this.upstreams = upstreams;
        this.ttlNanos = config.openapi().cacheTtl().toNanos();
        this.degradedTtlNanos = config.openapi().degradedCacheTtl().toNanos();
        this.fetchTimeoutMillis = config.openapi().fetchTimeout().toMillis();
    }

    @Override
    public void handle(RoutingContext ctx) {
        document().onComplete(result -> {
            if (result.succeeded()) {
                ctx.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end(result.result());
            } else {
                ctx.fail(result.cause());
            }
        });
    }

    /** The merged document, from the cache while fresh; concurrent callers share one refresh. */
    public Future<Buffer> document() {
        Cached current = cached;
        if (current != null && System.nanoTime() - current.expiresAt() < 0) {
            return Future.succeededFuture(current.body());
        }
        synchronized (this) {
            if (inFlight == null) {
                inFlight = refresh().onComplete(done -> {
                    synchronized (this) {
                        inFlight = null;
                    }
                });
            }
            return inFlight;
        }
    }

    private Future<Buffer> refresh() {
        Map<Service, Future<JsonObject>> fetches = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            fetches.put(service, fetch(service));
        }
        return Future.join(new ArrayList<>(fetches.values())).transform(ignored -> {
            Map<Service, JsonObject> documents = new EnumMap<>(Service.class);
            List<Service> unavailable = new ArrayList<>();
            fetches.forEach((service, fetch) -> {
                if (fetch.succeeded()) {
                    documents.put(service, fetch.result());
                } else {
                    LOG.warnf("OpenAPI document of the %s service left out: %s", service.id(), fetch.cause().getMessage());
                    unavailable.add(service);
                }
            });
            Buffer body = OpenApiMerger.merge(documents, unavailable).toBuffer();
            long ttl = unavailable.isEmpty() ? ttlNanos : Math.min(ttlNanos, degradedTtlNanos);
            cached = new Cached(body, System.nanoTime() + ttl);
            return Future.succeededFuture(body);
        });
    }

    private Future<JsonObject> fetch(Service service) {
        RequestOptions options = upstreams.address(service).request(SERVICE_DOCUMENT)
                .setMethod(HttpMethod.GET)
                .putHeader(HttpHeaders.ACCEPT, "application/json")
                .setTimeout(fetchTimeoutMillis);
        return upstreams.client().request(options)
                .compose(request -> request.send())
                .compose(response -> {
                    if (response.statusCode() != 200) {
                        return response.body().transform(ignored ->
                                Future.failedFuture("answered HTTP " + response.statusCode()));
                    }
                    return response.body();
                })
                .map(Buffer::toJsonObject);
    }
}
