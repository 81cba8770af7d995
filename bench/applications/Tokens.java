import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens signed as the identity provider signs them (RS256, issuer tremplin), with the throwaway private key
 * whose public half the service verifies. A pupil's or a host's token is signed once and kept: RSA signatures cost
 * CPU the generator shares with the service (the pupils' are all signed while the service reads the seeding topics).
 */
final class Tokens {

    private final PrivateKey key;
    private final Map<UUID, String> pupilTokens = new ConcurrentHashMap<>();
    private final Map<UUID, String> hostTokens = new ConcurrentHashMap<>();

    private Tokens(PrivateKey key) {
        this.key = key;
    }

    /** The key in PKCS#8 PEM, as openssl genpkey writes it. */
    static Tokens signingWith(Path pemFile) throws Exception {
        String pem = Files.readString(pemFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return new Tokens(KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem))));
    }

    String token(String sub, List<String> groups, Map<String, Object> claims) {
        try {
            long now = Instant.now().getEpochSecond();
            Map<String, Object> body = new LinkedHashMap<>(claims);
            body.put("iss", "tremplin");
            body.put("sub", sub);
            body.put("upn", sub);
            body.put("groups", groups);
            body.put("iat", now);
            body.put("exp", now + 6 * 3600);
            String header = b64(CampaignLoad.JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
            String payload = b64(CampaignLoad.JSON.writeValueAsBytes(body));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return "Bearer " + header + "." + payload + "." + b64(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String pupil(World.Pupil pupil) {
        return pupilTokens.computeIfAbsent(pupil.id(), id -> token(id.toString(), List.of("pupil"),
                Map.of("school", pupil.school().uai())));
    }

    /** The token of the organisation that hosts the offer. */
    String host(World.Offer offer) {
        return hostTokens.computeIfAbsent(offer.organisationId(), id -> token("host-" + id, List.of("host"),
                Map.of("organisation", id.toString())));
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
