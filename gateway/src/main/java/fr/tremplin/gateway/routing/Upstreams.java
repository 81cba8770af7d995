package fr.tremplin.gateway.routing;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import fr.tremplin.gateway.config.GatewayConfig;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

/**
 * The services' addresses and the HTTP clients (with their connection pools) used to reach them: one client for each
 * event loop, so that an exchange stays on the loop its client's connection came in on. A Vert.x 4.5 client opens a
 * connection on the loop of the request that needed it but then lends it to a request of any loop, and every answer
 * is handed back to the asking loop: with one client for all loops, most exchanges crossed threads twice (the
 * gateway's profile found 42 % of its CPU in the kernel, mostly thread switches; what the change bought is in
 * docs/BENCHMARKS.md, "The gateway: a client per event loop").
 */
@ApplicationScoped
public class Upstreams {

    private final Map<Service, UpstreamAddress> addresses = new EnumMap<>(Service.class);
    private final Vertx vertx;
    private final HttpClientOptions options;
    private final PoolOptions pool;
    private final HttpClient offLoopClient;
    private final Map<Thread, HttpClient> loopClients = new ConcurrentHashMap<>();
    private final HttpClient freshClient;

    public Upstreams(GatewayConfig config, Vertx vertx) {
        addresses.put(Service.OFFERS, UpstreamAddress.of(config.offersUrl()));
        addresses.put(Service.SCHOOLS, UpstreamAddress.of(config.schoolsUrl()));
        addresses.put(Service.APPLICATIONS, UpstreamAddress.of(config.applicationsUrl()));
        this.vertx = vertx;
        this.options = new HttpClientOptions()
                .setKeepAlive(true)
                .setKeepAliveTimeout((int) Math.max(1, config.keepAliveTimeout().toSeconds()))
                .setConnectTimeout((int) config.connectTimeout().toMillis());
        // Each loop's pool may open as many connections as the service takes requests: UpstreamPlaces lets at most
        // that many through to a service from all loops together, so no request ever waits for a pooled connection.
        this.pool = new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerUpstream());
        this.offLoopClient = vertx.createHttpClient(options, pool);
        // One connection per request, never reused: for the one retry of a request whose pooled connection the
        // service closed under it, so that the retry cannot meet another stale connection.
        HttpClientOptions fresh = new HttpClientOptions()
                .setKeepAlive(false)
                .setConnectTimeout((int) config.connectTimeout().toMillis());
        this.freshClient = vertx.createHttpClient(fresh, new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerUpstream()));
    }

    public UpstreamAddress address(Service service) {
        return addresses.get(service);
    }

    /** The client for a request sent from the calling thread: its event loop's own, or a shared one off the loops. */
    public HttpClient client() {
        if (!Context.isOnEventLoopThread()) {
            return offLoopClient;
        }
        return loopClients.computeIfAbsent(Thread.currentThread(), loop -> vertx.createHttpClient(options, pool));
    }

    /** A client that opens a new connection for each request (no keep-alive). */
    public HttpClient freshClient() {
        return freshClient;
    }

    @PreDestroy
    void close() {
        offLoopClient.close();
        loopClients.values().forEach(HttpClient::close);
        freshClient.close();
    }
}
