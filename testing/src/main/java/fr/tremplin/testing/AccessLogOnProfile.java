package fr.tremplin.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The service as in production for what it logs: the access log on (tests keep it off, it would fill their output),
 * every category at INFO at least. For the log scans, which must see every line a deployed service writes.
 */
public class AccessLogOnProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.access-log.enabled", "true", "quarkus.log.level", "INFO");
    }
}
