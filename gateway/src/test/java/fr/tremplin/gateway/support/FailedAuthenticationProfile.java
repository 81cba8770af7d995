package fr.tremplin.gateway.support;

import java.util.Map;

/**
 * A failed-authentication budget small enough to spend (3 failures, then one a minute), and the client's address
 * taken from {@code X-Forwarded-For}, as behind a load balancer, so that one test client can speak from several
 * addresses.
 */
public class FailedAuthenticationProfile extends GatewayTestProfile {

    public static final int BUDGET = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "tremplin.gateway.rate-limit.failed-authentications.per-minute", "1",
                "tremplin.gateway.rate-limit.failed-authentications.burst", Integer.toString(BUDGET),
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true");
    }
}
