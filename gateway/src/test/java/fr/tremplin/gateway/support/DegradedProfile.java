package fr.tremplin.gateway.support;

import java.util.Map;

/**
 * A bad day: applications-service down, a service that answers slowly, and rate limits tiny enough to reach.
 * Anonymous clients get 2 requests, authenticated ones 4, then one every 20 seconds.
 */
public class DegradedProfile extends GatewayTestProfile {

    public static final int ANONYMOUS_BURST = 2;
    public static final int AUTHENTICATED_BURST = 4;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "tremplin.gateway.request-timeout", "1s",
                "tremplin.gateway.rate-limit.requests-per-second", "0.05",
                "tremplin.gateway.rate-limit.burst", Integer.toString(ANONYMOUS_BURST),
                "tremplin.gateway.rate-limit.authenticated.requests-per-second", "0.05",
                "tremplin.gateway.rate-limit.authenticated.burst", Integer.toString(AUTHENTICATED_BURST));
    }

    @Override
    protected String downServices() {
        return "applications";
    }
}
