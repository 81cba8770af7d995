package fr.tremplin.common.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bearer-token parser of every service and of the gateway: a token's signature and claims are verified once, and
 * the same token string is then recognised until its deadline, instead of being verified again on each request
 * (an RSA signature check and the parsing of its JSON: 6 % of applications-service's CPU in the campaign benchmark,
 * docs/BENCHMARKS.md). Only a token that passed the full verification is kept, keyed by its exact text, signature
 * included; one that fails is never kept. A kept token is honoured until its {@code exp} (or {@code iat} plus
 * {@code mp.jwt.verify.token.age} when that is set), without the clock skew the verification grants: past that
 * deadline the token goes through the full verification again, which refuses it once the skew is over too. So the
 * cache never accepts a token the verification would refuse. At most {@link #CAPACITY} tokens are kept, the least
 * recently used leaving first.
 */
@Alternative
@Priority(1)
@Singleton
public class VerifiedTokens extends DefaultJWTParser {

    static final int CAPACITY = 4096;

    private record Verified(JsonWebToken token, long deadlineMillis) {
    }

    private final Long tokenAgeSeconds;
    private final Map<String, Verified> verified = Collections.synchronizedMap(
            new LinkedHashMap<>(CAPACITY * 4 / 3 + 1, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
                    return size() > CAPACITY;
                }
            });

    @Inject
    public VerifiedTokens(JWTAuthContextInfo authContextInfo) {
        super(authContextInfo);
        this.tokenAgeSeconds = authContextInfo.getTokenAge();
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        long now = System.currentTimeMillis();
        Verified known = verified.get(bearerToken);
        if (known != null && now < known.deadlineMillis()) {
            return known.token();
        }
        JsonWebToken token = super.parse(bearerToken);
        verified.put(bearerToken, new Verified(token, deadlineMillis(token)));
        return token;
    }

    private long deadlineMillis(JsonWebToken token) {
        long deadline = token.getExpirationTime() * 1000;
        if (tokenAgeSeconds != null) {
            deadline = Math.min(deadline, (token.getIssuedAtTime() + tokenAgeSeconds) * 1000);
        }
        return deadline;
    }
}
