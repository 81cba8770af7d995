package fr.tremplin.applications;

import fr.tremplin.applications.domain.RetrySchedule;
import fr.tremplin.applications.domain.WebhookSignature;
import fr.tremplin.applications.domain.WebhookUrl;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure rules of the relays' webhooks: signature, backoff and parking, callback URLs. */
class WebhookRulesTest {

    @Test
    void theSignatureIsStandardWebhooksV1() {
        // the example of the Standard Webhooks specification's reference libraries
        assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        String secret = WebhookSignature.newSecret();
        assertThat(secret).startsWith("whsec_").hasSize("whsec_".length() + 44).isNotEqualTo(WebhookSignature.newSecret());
    }

    @Test
    void theBackoffDoublesUpToItsMaximumAndADeliveryPastItsWindowIsParked() {
        RetrySchedule retry = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofDays(1));
        assertThat(retry.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(retry.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(retry.backoff(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(retry.backoff(20)).isEqualTo(Duration.ofHours(1));
        assertThat(retry.backoff(1000)).isEqualTo(Duration.ofHours(1));
        Instant from = Instant.parse("2028-01-10T08:00:00Z");
        assertThat(retry.parks(from, 3, from.plus(Duration.ofHours(23)))).isFalse();
        assertThat(retry.parks(from, 20, from.plus(Duration.ofHours(23)).plusSeconds(1))).isTrue();
    }

    @Test
    void aCallbackIsHttpsOrPlainHttpOnTheLoopbackWhereAllowed() {
        assertThat(WebhookUrl.problem("https://relais.example.org/hook", false)).isEmpty();
        assertThat(WebhookUrl.problem("http://127.0.0.1:8080/hook", true)).isEmpty();
        assertThat(WebhookUrl.problem("http://localhost/hook", true)).isEmpty();
        assertThat(WebhookUrl.problem("http://127.0.0.1:8080/hook", false)).hasValueSatisfying(p -> p.contains("https"));
        assertThat(WebhookUrl.problem("http://relais.example.org/hook", true)).isPresent();
        assertThat(WebhookUrl.problem("https://u:p@relais.example.org/", false)).isPresent();
        assertThat(WebhookUrl.problem("https://relais.example.org/#x", false)).isPresent();
        assertThat(WebhookUrl.problem("https:///nohost", false)).isPresent();
        assertThat(WebhookUrl.problem("relais.example.org/hook", false)).isPresent();
        assertThat(WebhookUrl.problem("https://relais.example.org/" + "a".repeat(2000), false)).isPresent();
        assertThat(WebhookUrl.problem(" ", false)).isPresent();
    }
}
