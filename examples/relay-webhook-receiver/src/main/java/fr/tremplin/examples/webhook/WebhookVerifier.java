package fr.tremplin.examples.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Checks a delivery as Standard Webhooks (standardwebhooks.com) says, with the secret {@code whsec_<base64 key>} the
 * platform gave when the webhook was registered: the {@code webhook-signature} header holds one or more
 * space-separated {@code v1,<base64 HMAC-SHA256>} of {@code <webhook-id>.<webhook-timestamp>.<raw body>} (several
 * while a secret is being rotated); one must match, compared in constant time. The timestamp must be within five
 * minutes of now, so that a captured request cannot be replayed later.
 */
public final class WebhookVerifier {

    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String SECRET_PREFIX = "whsec_";

    public enum Result { VALID, MISSING_HEADERS, STALE_TIMESTAMP, BAD_SIGNATURE }

    private final SecretKeySpec key;
    private final Clock clock;

    public WebhookVerifier(String secret, Clock clock) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + SECRET_PREFIX);
        }
        this.key = new SecretKeySpec(Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())), "HmacSHA256");
        this.clock = clock;
    }

    /** The body is the request's raw bytes: parsed and written again, it would not be what was signed. */
    public Result verify(String id, String timestamp, String signatures, byte[] body) {
        if (isBlank(id) || isBlank(timestamp) || isBlank(signatures)) {
            return Result.MISSING_HEADERS;
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Result.MISSING_HEADERS;
        }
        if (Math.abs(clock.instant().getEpochSecond() - sentAt) > TOLERANCE.toSeconds()) {
            return Result.STALE_TIMESTAMP;
        }
        byte[] expected = sign(id, timestamp.strip(), body);
        for (String candidate : signatures.strip().split(" +")) {
            if (!candidate.startsWith("v1,")) {
                continue;   // another scheme (v1a: asymmetric) is not ours
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring("v1,".length()));
            } catch (IllegalArgumentException notBase64) {
                continue;
            }
            if (MessageDigest.isEqual(given, expected)) {
                return Result.VALID;
            }
        }
        return Result.BAD_SIGNATURE;
    }

    private byte[] sign(String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
