package fr.tremplin.offers.service;

import fr.tremplin.common.security.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** A {@link Caller} with one role and some claims, for the access matrices' plain tests (no request, no token). */
final class TestCallers {

    private TestCallers() {
    }

    /** {@code claims}: name, value, name, value… (a value may be a String or a List). */
    static Caller caller(String role, Object... claims) {
        Map<String, Object> values = new HashMap<>();
        values.put("raw_token", "a.b.c");
        values.put("sub", "someone");
        values.put("groups", Set.of(role));
        for (int i = 0; i < claims.length; i += 2) {
            values.put((String) claims[i], claims[i + 1]);
        }
        return new Caller(new JsonWebToken() {
            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public Set<String> getClaimNames() {
                return values.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) values.get(claimName);
            }
        });
    }

    static Caller anonymous() {
        return new Caller(null);
    }
}
