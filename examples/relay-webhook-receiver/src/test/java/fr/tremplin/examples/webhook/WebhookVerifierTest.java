package fr.tremplin.examples.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static fr.tremplin.examples.webhook.WebhookVerifier.Result.BAD_SIGNATURE;
import static fr.tremplin.examples.webhook.WebhookVerifier.Result.MISSING_HEADERS;
import static fr.tremplin.examples.webhook.WebhookVerifier.Result.STALE_TIMESTAMP;
import static fr.tremplin.examples.webhook.WebhookVerifier.Result.VALID;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookVerifierTest {

    // The example of the Standard Webhooks reference libraries, also pinned by applications-service's
    // WebhookRulesTest on the signing side: both ends agree on the same vector.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SENT_AT = 1614265330L;
    private static final String TIMESTAMP = Long.toString(SENT_AT);
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static WebhookVerifier at(long epochSecond) {
        return new WebhookVerifier(SECRET, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void theReferenceVectorIsValid() {
        assertThat(at(SENT_AT).verify(ID, TIMESTAMP, SIGNATURE, BODY)).isEqualTo(VALID);
    }

    @Test
    void oneMatchingSignatureAmongSeveralIsEnough() {
        // during a rotation the platform may send one per secret; other schemes are skipped
        assertThat(at(SENT_AT).verify(ID, TIMESTAMP, "v1,Zm9yZ2Vk v1a,c29tZXRoaW5nIGVsc2U= " + SIGNATURE, BODY))
                .isEqualTo(VALID);
        assertThat(at(SENT_AT).verify(ID, TIMESTAMP, "v1,Zm9yZ2Vk v1,bm90IGl0", BODY)).isEqualTo(BAD_SIGNATURE);
        assertThat(at(SENT_AT).verify(ID, TIMESTAMP, "v2," + SIGNATURE.substring(3), BODY)).isEqualTo(BAD_SIGNATURE);
        assertThat(at(SENT_AT).verify(ID, TIMESTAMP, "v1,not base64!", BODY)).isEqualTo(BAD_SIGNATURE);
    }

    @Test
    void aTamperedBodyIdOrTimestampIsRefused() {
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertThat(at(SENT_AT).verify(ID, TIMESTAMP, SIGNATURE, tampered)).isEqualTo(BAD_SIGNATURE);
        assertThat(at(SENT_AT).verify("msg_other", TIMESTAMP, SIGNATURE, BODY)).isEqualTo(BAD_SIGNATURE);
        assertThat(at(SENT_AT).verify(ID, Long.toString(SENT_AT + 1), SIGNATURE, BODY)).isEqualTo(BAD_SIGNATURE);
        assertThat(new WebhookVerifier("whsec_" + "A".repeat(44), Clock.fixed(Instant.ofEpochSecond(SENT_AT), ZoneOffset.UTC))
                .verify(ID, TIMESTAMP, SIGNATURE, BODY)).as("another secret").isEqualTo(BAD_SIGNATURE);
    }

    @Test
    void aTimestampMoreThanFiveMinutesAwayIsRefusedEvenWellSigned() {
        assertThat(at(SENT_AT + 300).verify(ID, TIMESTAMP, SIGNATURE, BODY)).isEqualTo(VALID);
        assertThat(at(SENT_AT + 301).verify(ID, TIMESTAMP, SIGNATURE, BODY)).isEqualTo(STALE_TIMESTAMP);
        assertThat(at(SENT_AT - 301).verify(ID, TIMESTAMP, SIGNATURE, BODY)).as("from the future").isEqualTo(STALE_TIMESTAMP);
    }

    @Test
    void missingOrMalformedHeadersAreRefused() {
        assertThat(at(SENT_AT).verify(null, TIMESTAMP, SIGNATURE, BODY)).isEqualTo(MISSING_HEADERS);
        assertThat(at(SENT_AT).verify(ID, null, SIGNATURE, BODY)).isEqualTo(MISSING_HEADERS);
        assertThat(at(SENT_AT).verify(ID, TIMESTAMP, " ", BODY)).isEqualTo(MISSING_HEADERS);
        assertThat(at(SENT_AT).verify(ID, "yesterday", SIGNATURE, BODY)).isEqualTo(MISSING_HEADERS);
    }
}
