package fr.tremplin.gateway;

import fr.tremplin.common.security.Roles;
import fr.tremplin.testing.fuzz.FuzzCallers;
import fr.tremplin.testing.fuzz.FuzzFindings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.nio.file.Path;

/**
 * The fuzzer against a running platform, through its gateway and the merged OpenAPI document of the three services
 * (docs/FUZZING.md). Skipped unless {@code -Dfuzz.target=http://localhost:8080} is given; tokens are signed with the
 * platform's dev key ({@code .platform/keys/jwt-private.pem}, or {@code -Dfuzz.signing-key=...}).
 */
@EnabledIfSystemProperty(named = "fuzz.target", matches = ".+")
class PlatformFuzzTest {

    @Test
    void malformed_requests_through_the_gateway_to_every_service() {
        String key = System.getProperty("fuzz.signing-key", "../.platform/keys/jwt-private.pem");
        System.setProperty("smallrye.jwt.sign.key.location", Path.of(key).toAbsolutePath().toUri().toString());
        FuzzFindings findings = FuzzCallers.fuzzer(URI.create(System.getProperty("fuzz.target")), Roles.ALL)
                .atEdge().seed(10).requests(5_000).run();
        System.out.println(findings.report());
        findings.assertClean();
    }
}
