package fr.tremplin.testing.fuzz;

import fr.tremplin.testing.TestTokens;
import io.restassured.RestAssured;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Who the fuzzer speaks as: anonymous, one token per role and one holding every role, all with the same scope claims
 * (the values below), so that requests get past the authorization of every route and meet the parsing behind it.
 */
public final class FuzzCallers {

    public static final String ORGANISATION = "7a1f5c3e-2b4d-4e6f-8a9b-0c1d2e3f4a5b";
    public static final String SCHOOL = "0590001A";
    public static final String RELAY = "relay-59";
    public static final String BASSIN = "bassin-59-1";
    public static final String OPERATOR = "operator-fuzz";
    public static final String MINISTRY = "MINARM";
    public static final String DEPARTMENT = "59";

    private FuzzCallers() {
    }

    /** {@code Authorization} values: one per role, then one with all of them. */
    public static List<String> tokens(Collection<String> roles) {
        List<String> tokens = new ArrayList<>();
        for (String role : roles) {
            tokens.add(scoped(TestTokens.as(role)).bearer());
        }
        List<String> others = new ArrayList<>(roles);
        String first = others.remove(0);
        tokens.add(scoped(TestTokens.as(first, others.toArray(String[]::new))).bearer());
        return tokens;
    }

    private static TestTokens scoped(TestTokens token) {
        return token.claim("school", SCHOOL).claim("classes", List.of("3A", "3B"))
                .claim("organisation", ORGANISATION).claim("operator", OPERATOR).claim("relay", RELAY)
                .claim("ministry", MINISTRY).claim("departments", List.of(DEPARTMENT)).claim("academy", "Lille")
                .claim("bassin", BASSIN);
    }

    /**
     * A fuzzer aimed at the service this {@code @QuarkusTest} started (REST Assured's port), driven by the service's own
     * OpenAPI document, speaking as {@link #tokens} of these roles.
     */
    public static Fuzzer selfFuzzer(Collection<String> roles) {
        return fuzzer(URI.create("http://localhost:" + RestAssured.port), roles);
    }

    /** A fuzzer aimed at a running platform or service, driven by its {@code /q/openapi}. */
    public static Fuzzer fuzzer(URI target, Collection<String> roles) {
        return Fuzzer.against(target)
                .documentOfTarget()
                .callers(tokens(roles))
                .knownValues(List.of(ORGANISATION), List.of(SCHOOL, RELAY, BASSIN, OPERATOR, MINISTRY, DEPARTMENT));
    }
}
