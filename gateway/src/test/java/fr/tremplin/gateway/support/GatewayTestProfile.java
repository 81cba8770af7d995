package fr.tremplin.gateway.support;

import java.util.List;
import java.util.Map;

import fr.tremplin.testing.JwtKeysTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The three fake services up, generous limits: the gateway as it runs day to day. The gateway verifies tokens with
 * the test run's key pair from tremplin-testing, as the services do; {@code TestTokens} signs with it.
 */
public class GatewayTestProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(JwtKeysTestResource.class),
                new TestResourceEntry(FakeUpstreams.class, Map.of("down", downServices())));
    }

    protected String downServices() {
        return "";
    }
}
