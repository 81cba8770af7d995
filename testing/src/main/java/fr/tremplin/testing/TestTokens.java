package fr.tremplin.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Signed tokens for tests: {@code TestTokens.as("host").claim("organisation", id).sign()}. */
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
}
