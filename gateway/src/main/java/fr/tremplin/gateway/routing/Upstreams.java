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

    public Upstreams(GatewayConfig config, Vertx vertx) {
        addresses.put(Service.OFFERS, UpstreamAddress.of(config.offersUrl()));
        addresses.put(Service.SCHOOLS, UpstreamAddress.of(config.schoolsUrl()));
        addresses.put(Service.APPLICATIONS, UpstreamAddress.of(config.applicationsUrl()));
        HttpClientOptions options = new HttpClientOptions()
                .setKeepAlive(true)
                .setConnectTimeout((int) config.connectTimeout().toMillis());
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerUpstream());
        this.client = vertx.createHttpClient(options, pool);
    }

    public UpstreamAddress address(Service service) {
        return addresses.get(service);
    }

    public HttpClient client() {
        return client;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
