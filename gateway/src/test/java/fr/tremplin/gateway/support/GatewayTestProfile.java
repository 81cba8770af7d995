package fr.tremplin.gateway.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The three fake services up, generous limits: the gateway as it runs day to day. */
public class GatewayTestProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(TestKeys.class),
                new TestResourceEntry(FakeUpstreams.class, Map.of("down", downServices())));
    }

    protected String downServices() {
        return "";
    }
}
