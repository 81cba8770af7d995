package fr.tremplin.schools;

import fr.tremplin.common.security.Roles;
import fr.tremplin.testing.fuzz.FuzzCallers;
import fr.tremplin.testing.fuzz.FuzzFindings;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: malformed requests of every kind to every route of the service's OpenAPI document, as every role and
 * anonymously (seeded: replay with -Dfuzz.seed). No 5xx, no stack trace, every 4xx a problem with a title.
 */
@QuarkusTest
class FuzzTest {

    @Test
    void malformed_requests_to_every_route_are_refused_in_problem_json_never_with_a_5xx() {
        FuzzFindings findings = FuzzCallers.selfFuzzer(Roles.ALL).seed(10).requests(1_500).run();
        System.out.println(findings.report());
        findings.assertClean();
    }
}
