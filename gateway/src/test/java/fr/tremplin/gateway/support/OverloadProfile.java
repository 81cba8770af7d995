package fr.tremplin.gateway.support;

import java.util.Map;

/**
 * Two connections per service, a short wait for one, and no rate limit: a few concurrent requests are enough to
 * overload a service.
 */
public class OverloadProfile extends GatewayTestProfile {

    public static final int CONNECTIONS = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "tremplin.gateway.max-connections-per-upstream", Integer.toString(CONNECTIONS),
                "tremplin.gateway.connect-timeout", "100ms",
                "tremplin.gateway.rate-limit.enabled", "false");
    }
}
