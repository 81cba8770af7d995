package fr.tremplin.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import fr.tremplin.gateway.routing.Service;

/**
 * Ready as soon as the gateway itself is up, whatever the services: the platform can then start in any order, and
 * a service being down yields 502s for its routes only instead of taking the whole entry point out of rotation.
 * What the gateway last knew of each service is reported as detail.
 */
@Readiness
@ApplicationScoped
public class GatewayReadiness implements HealthCheck {

    private final UpstreamProbe probe;

    public GatewayReadiness(UpstreamProbe probe) {
        this.probe = probe;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("gateway").up();
        for (Service service : Service.values()) {
            response.withData("upstream." + service.id(), probe.state(service).name());
        }
        return response.build();
    }
}
