package fr.tremplin.gateway.routing;

import java.util.EnumMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import fr.tremplin.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

/** The services' addresses and the one HTTP client (with its connection pools) used to reach them. */
@ApplicationScoped
public class Upstreams {

    private final Map<Service, UpstreamAddress> addresses = new EnumMap<>(Service.class);
    private final HttpClient client;
    private final HttpClient freshClient;

    public Upstreams(GatewayConfig config, Vertx vertx) {
        addresses.put(Service.OFFERS, UpstreamAddress.of(config.offersUrl()));
        addresses.put(Service.SCHOOLS, UpstreamAddress.of(config.schoolsUrl()));
        addresses.put(Service.APPLICATIONS, UpstreamAddress.of(config.applicationsUrl()));
        HttpClientOptions options = new HttpClientOptions()
                .setKeepAlive(true)
                .setKeepAliveTimeout((int) Math.max(1, config.keepAliveTimeout().toSeconds()))
                .setConnectTimeout((int) config.connectTimeout().toMillis());
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerUpstream());
        this.client = vertx.createHttpClient(options, pool);
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

    public HttpClient client() {
        return client;
    }

    /** A client that opens a new connection for each request (no keep-alive). */
    public HttpClient freshClient() {
        return freshClient;
    }

    @PreDestroy
    void close() {
        client.close();
        freshClient.close();
    }
}
