package fr.tremplin.gateway.support;

import java.security.PrivateKey;
import java.time.Instant;

import io.smallrye.jwt.build.Jwt;

/** Bearer tokens as the platform issues them, and the ways they go wrong. */
public final class Tokens {

    private static PrivateKey foreignKey;

    private Tokens() {
    }

    public static String valid(String subject, String... groups) {
        return Jwt.issuer("tremplin").subject(subject).groups(java.util.Set.of(groups)).sign();
    }

    public static String expired(String subject) {
        return Jwt.issuer("tremplin").subject(subject).groups("pupil")
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .sign();
    }

    public static String wrongIssuer(String subject) {
        return Jwt.issuer("somebody-else").subject(subject).groups("admin").sign();
    }

    /** Well-formed and unexpired, but signed with a key the platform does not know. */
    public static synchronized String forged(String subject) {
        if (foreignKey == null) {
            foreignKey = TestKeys.generate().getPrivate();
        }
        return Jwt.issuer("tremplin").subject(subject).groups("admin").sign(foreignKey);
    }
}
