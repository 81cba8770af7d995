package fr.tremplin.gateway.health;

import java.util.EnumMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import fr.tremplin.gateway.config.GatewayConfig;
import fr.tremplin.gateway.routing.Service;
import fr.tremplin.gateway.routing.Upstreams;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

/**
 * Asks each service for its health in the background and remembers the answer. Nothing waits on it: health
 * checks and metrics read the last answer, and the gateway never refuses traffic because of it.
 */
@ApplicationScoped
public class UpstreamProbe {

    private static final Logger LOG = Logger.getLogger(UpstreamProbe.class);

    public enum Reachability { UNKNOWN, UP, DOWN }

    private final Upstreams upstreams;
    private final Vertx vertx;
    private final GatewayConfig.Probe config;
    private final Map<Service, Reachability> states = new EnumMap<>(Service.class);
    private long timerId = -1;

    public UpstreamProbe(Upstreams upstreams, Vertx vertx, GatewayConfig config, MeterRegistry registry) {
        this.upstreams = upstreams;
        this.vertx = vertx;
        this.config = config.probe();
        for (Service service : Service.values()) {
            states.put(service, Reachability.UNKNOWN);
            Gauge.builder("tremplin.gateway.upstream.up", this, probe -> probe.state(service) == Reachability.UP ? 1 : 0)
                    .description("1 when the service answered its last health probe, 0 otherwise")
                    .tag("upstream", service.id())
                    .register(registry);
        }
    }

    void start(@Observes StartupEvent startup) {
        probeAll();
        timerId = vertx.setPeriodic(config.interval().toMillis(), id -> probeAll());
    }

    @PreDestroy
    void stop() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    public synchronized Reachability state(Service service) {
        return states.get(service);
    }

    private void probeAll() {
        for (Service service : Service.values()) {
            upstreams.client()
                    .request(upstreams.address(service).request(config.path())
                            .setMethod(HttpMethod.GET)
                            .setTimeout(config.interval().toMillis()))
                    .compose(request -> request.send())
                    .compose(response -> response.body().map(ignored -> response.statusCode()))
                    .onComplete(result -> update(service,
                            result.succeeded() && result.result() < 500 ? Reachability.UP : Reachability.DOWN));
        }
    }

    private void update(Service service, Reachability now) {
        Reachability before;
        synchronized (this) {
            before = states.put(service, now);
        }
        if (before != now) {
            // Only changes are logged: a service down for an hour must not flood the log.
            if (now == Reachability.UP) {
                LOG.infof("%s service is reachable", service.id());
            } else {
                LOG.warnf("%s service is unreachable or unhealthy", service.id());
            }
        }
    }
}
