package fr.tremplin.gateway;

import fr.tremplin.common.security.Roles;
import fr.tremplin.gateway.support.GatewayTestProfile;
import fr.tremplin.testing.fuzz.FuzzCallers;
import fr.tremplin.testing.fuzz.FuzzFindings;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: malformed requests through the gateway (its merged OpenAPI document, here the fake services' paths): its
 * own edges (paths out of /api, unknown routes, methods, a 5,000-character target, a 30 KB header, a body over 1 MB,
 * invalid tokens) answer problem+json, never a 5xx nor an HTML page. The services behind are fakes that accept
 * anything, so only the gateway's own refusals are asked for; the real services are fuzzed by their own FuzzTest.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class FuzzTest {

    @Test
    void malformed_requests_at_the_edge_are_refused_in_problem_json_never_with_a_5xx() {
        FuzzFindings findings = FuzzCallers.selfFuzzer(Roles.ALL).atEdge().fakeUpstreams().seed(10).requests(1_200).run();
        System.out.println(findings.report());
        findings.assertClean();
    }
}
