package fr.tremplin.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Signed tokens for tests: {@code TestTokens.as("host").claim("organisation", id).sign()}; and
 * {@link #invalidAuthorizations()}, the {@code Authorization} headers every tier must refuse.
 */
public final class TestTokens {

    private final JwtClaimsBuilder claims;
    private String subject;

    private TestTokens(Set<String> roles) {
        this.subject = UUID.randomUUID().toString();
        this.claims = Jwt.issuer(JwtKeysTestResource.ISSUER).groups(roles);
    }

    /** A token for a random person with these roles; {@link #subject(String)} names the person. */
    public static TestTokens as(String role, String... more) {
        Set<String> roles = new java.util.HashSet<>(List.of(more));
        roles.add(role);
        return new TestTokens(roles);
    }

    public TestTokens subject(String subject) {
        this.subject = subject;
        return this;
    }

    public String subject() {
        return subject;
    }

    public TestTokens claim(String name, String value) {
        claims.claim(name, value);
        return this;
    }

    public TestTokens claim(String name, List<String> values) {
        claims.claim(name, values);
        return this;
    }

    public String sign() {
        return claims.subject(subject).upn(subject).sign();
    }

    /** The value of an {@code Authorization} header. */
    public String bearer() {
        return "Bearer " + sign();
    }

    /**
     * {@code Authorization} values that must be a 401 on every route, public ones included, by case: a token signed
     * with a key the platform does not know, an expired one, one from another issuer, garbage, another scheme.
     */
    public static Map<String, String> invalidAuthorizations() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("forged signature", "Bearer " + Jwt.issuer(JwtKeysTestResource.ISSUER).subject("admin-1")
                .groups("admin").sign(foreignKey()));
        cases.put("expired", "Bearer " + Jwt.issuer(JwtKeysTestResource.ISSUER).subject("pupil-42").groups("pupil")
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign());
        cases.put("another issuer", "Bearer " + Jwt.issuer("somebody-else").subject("admin-1").groups("admin").sign());
        cases.put("garbage", "Bearer not-a-jwt");
        cases.put("empty bearer", "Bearer ");
        cases.put("basic scheme", "Basic dXNlcjpwYXNz");
        return cases;
    }

    /** A key the platform does not know: a token it signs is well-formed but forged. */
    public static PrivateKey foreignKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
