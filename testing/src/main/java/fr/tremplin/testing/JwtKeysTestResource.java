package fr.tremplin.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/** A key pair made for this test run (never committed): services verify with it, {@link TestTokens} signs. */
public class JwtKeysTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "tremplin";
    private static Map<String, String> config;

    @Override
    public synchronized Map<String, String> start() {
        if (config == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Path dir = Files.createDirectories(Path.of("target", "test-keys"));
                Path privateKey = dir.resolve("private.pem");
                Path publicKey = dir.resolve("public.pem");
                Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                config = Map.of(
                        "mp.jwt.verify.publickey.location", publicKey.toAbsolutePath().toUri().toString(),
                        "mp.jwt.verify.issuer", ISSUER,
                        "smallrye.jwt.sign.key.location", privateKey.toAbsolutePath().toUri().toString(),
                        "smallrye.jwt.new-token.issuer", ISSUER);
            } catch (NoSuchAlgorithmException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return config;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Override
    public void stop() {
    }
}
