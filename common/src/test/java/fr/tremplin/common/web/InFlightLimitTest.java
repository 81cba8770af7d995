package fr.tremplin.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class InFlightLimitTest {

    private final InFlightLimit places = new InFlightLimit(3);

    @Test
    void admitsUpToTheLimitThenRefuses() {
        assertThat(places.tryEnter()).isTrue();
        assertThat(places.tryEnter()).isTrue();
        assertThat(places.tryEnter()).isTrue();
        assertThat(places.tryEnter()).as("a fourth while three are inside").isFalse();
        assertThat(places.inFlight()).as("a refusal takes no place").isEqualTo(3);
    }

    @Test
    void aPlaceLeftIsAPlaceFree() {
        for (int i = 0; i < 3; i++) {
            places.tryEnter();
        }
        places.leave();
        assertThat(places.tryEnter()).isTrue();
        assertThat(places.tryEnter()).isFalse();
    }

    @Test
    void manyThreadsNeverGetMorePlacesThanTheLimit() throws Exception {
        InFlightLimit wide = new InFlightLimit(50);
        Thread[] threads = new Thread[8];
        AtomicInteger admitted = new AtomicInteger();
        for (int t = 0; t < threads.length; t++) {
            threads[t] = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 1_000; i++) {
                    if (wide.tryEnter()) {
                        admitted.incrementAndGet();
                    }
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(admitted.get()).isEqualTo(50);
        assertThat(wide.inFlight()).isEqualTo(50);
    }

    @Test
    void aLimitBelowOneIsAConfigurationError() {
        assertThatThrownBy(() -> new InFlightLimit(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
