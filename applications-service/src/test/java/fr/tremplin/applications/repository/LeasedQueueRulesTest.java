package fr.tremplin.applications.repository;

import fr.tremplin.applications.domain.RetrySchedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The senders' timing, pure: when a pass wakes, when a failed row goes again, when it is given up. */
class LeasedQueueRulesTest {

    private static final Instant NOW = Instant.parse("2028-01-10T08:00:00Z");
    private static final Duration FALLBACK = Duration.ofSeconds(5);

    @Test
    void aSenderSleepsItsFallbackUnlessARetryFallsDueSooner() {
        assertThat(LeasedQueue.untilNextPass(NOW, Optional.empty(), FALLBACK)).isEqualTo(FALLBACK);
        assertThat(LeasedQueue.untilNextPass(NOW, Optional.of(NOW.plusSeconds(2)), FALLBACK)).hasSeconds(2);
        assertThat(LeasedQueue.untilNextPass(NOW, Optional.of(NOW.plusSeconds(60)), FALLBACK)).isEqualTo(FALLBACK);
        assertThat(LeasedQueue.untilNextPass(NOW, Optional.of(NOW.minusSeconds(1)), FALLBACK)).isZero();
    }

    @Test
    void aFailedRowGoesAgainAfterADoublingBackoffAndIsGivenUpPastItsWindow() {
        RetrySchedule retry = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofDays(1));
        RetrySchedule.Next first = retry.after(NOW, 1, NOW);
        assertThat(first.at()).isEqualTo(NOW.plusSeconds(30));
        assertThat(first.givesUp()).isFalse();
        assertThat(retry.after(NOW, 3, NOW).at()).isEqualTo(NOW.plusSeconds(120));
        assertThat(retry.after(NOW, 20, NOW).at()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        Instant late = NOW.plus(Duration.ofHours(23)).plusSeconds(1);
        assertThat(retry.after(NOW, 20, late).givesUp()).as("the next attempt would fall after a day").isTrue();
        assertThat(retry.after(NOW, 20, NOW.plus(Duration.ofHours(22))).givesUp()).isFalse();
    }
}
