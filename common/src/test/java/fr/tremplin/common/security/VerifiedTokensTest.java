package fr.tremplin.common.security;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private static final String ISSUER = "tremplin";
    private static KeyPair keys;
    private static KeyPair otherKeys;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
    }

    /** The verification without its default clock skew, so that an expiry is seen at once. */
    private static VerifiedTokens parser() {
        JWTAuthContextInfo info = new JWTAuthContextInfo(keys.getPublic(), ISSUER);
        info.setClockSkew(0);
        return new VerifiedTokens(info);
    }

    private static String token(String subject, long expiresInSeconds, KeyPair signer) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromMilliseconds(System.currentTimeMillis() + expiresInSeconds * 1000));
        claims.setStringListClaim("groups", List.of(Roles.PUPIL));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signer.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    @Test
    void aTokenUsedAgainIsTheSameCallerAndAForgedCopyOfItIsStillRefused() throws Exception {
        VerifiedTokens parser = parser();
        String token = token("pupil-1", 600, keys);

        assertThat(parser.parse(token).getSubject()).isEqualTo("pupil-1");
        assertThat(parser.parse(token).getGroups()).containsExactly(Roles.PUPIL);

        // the same claims signed by another key, and the genuine token with its signature altered
        String otherSigner = token("pupil-1", 600, otherKeys);
        String altered = token.substring(0, token.length() - 4)
                + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> parser.parse(otherSigner)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> parser.parse(altered)).isInstanceOf(ParseException.class);
        assertThat(parser.parse(token).getSubject()).isEqualTo("pupil-1");
    }

    @Test
    void aVerifiedTokenIsRefusedOnceItHasExpired() throws Exception {
        VerifiedTokens parser = parser();
        String token = token("pupil-2", 2, keys);
        assertThat(parser.parse(token).getSubject()).isEqualTo("pupil-2");

        // exp has a one-second precision: wait until it is surely past
        Thread.sleep(3_100);
        assertThatThrownBy(() -> parser.parse(token)).isInstanceOf(ParseException.class);
    }

    @Test
    void aTokenRefusedOnceIsRefusedEveryTime() throws Exception {
        VerifiedTokens parser = parser();
        String expired = token("pupil-3", -120, keys);
        assertThatThrownBy(() -> parser.parse(expired)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> parser.parse(expired)).isInstanceOf(ParseException.class);
    }
}
