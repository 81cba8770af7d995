package fr.tremplin.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(
            new RateLimiter.Limit(1, 3), new RateLimiter.Limit(10, 5), now::get);

    @Test
    void peek_tells_what_acquire_would_answer_without_taking() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.peek("10.0.0.9", false).allowed()).isTrue();
        }
        for (int i = 0; i < 3; i++) {
            limiter.acquire("10.0.0.9", false);
        }
        RateLimiter.Decision spent = limiter.peek("10.0.0.9", false);
        assertThat(spent.allowed()).isFalse();
        assertThat(spent.retryAfterSeconds()).isEqualTo(1);
        advance(1_000);
        assertThat(limiter.peek("10.0.0.9", false).allowed()).isTrue();
        assertThat(limiter.acquire("10.0.0.9", false).allowed()).isTrue();
        assertThat(limiter.peek("10.0.0.9", false).allowed()).isFalse();
    }

    @Test
    void a_burst_is_allowed_then_the_client_waits() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("10.0.0.1", false).allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.acquire("10.0.0.1", false);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void tokens_come_back_at_the_configured_rate() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("10.0.0.1", false);
        }
        advance(500);
        assertThat(limiter.acquire("10.0.0.1", false).allowed()).isFalse();
        advance(500);
        assertThat(limiter.acquire("10.0.0.1", false).allowed()).isTrue();
        assertThat(limiter.acquire("10.0.0.1", false).allowed()).isFalse();
    }

    @Test
    void retry_after_rounds_up_to_whole_seconds() {
        RateLimiter slow = new RateLimiter(new RateLimiter.Limit(0.1, 1), new RateLimiter.Limit(0.1, 1), now::get);
        slow.acquire("a", false);
        advance(2_500);
        assertThat(slow.acquire("a", false).retryAfterSeconds()).isEqualTo(8);
    }

    @Test
    void clients_and_kinds_of_clients_are_counted_apart() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("10.0.0.1", false);
        }
        assertThat(limiter.acquire("10.0.0.2", false).allowed()).isTrue();
        // A subject that happens to look like an address is not the address.
        assertThat(limiter.acquire("10.0.0.1", true).allowed()).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire("pupil-1", true).allowed()).isTrue();
        }
        assertThat(limiter.acquire("pupil-1", true).allowed()).isFalse();
    }

    @Test
    void idle_clients_are_forgotten() {
        limiter.acquire("10.0.0.1", false);
        limiter.acquire("10.0.0.2", false);
        assertThat(limiter.trackedClients()).isEqualTo(2);
        advance(61_000);
        limiter.acquire("10.0.0.3", false);
        assertThat(limiter.trackedClients()).isEqualTo(1);
    }

    @Test
    void a_limit_must_let_something_through() {
        assertThatThrownBy(() -> new RateLimiter.Limit(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter.Limit(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private void advance(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
