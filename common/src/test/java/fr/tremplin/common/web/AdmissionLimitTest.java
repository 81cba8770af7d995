package fr.tremplin.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class AdmissionLimitTest {

    private final AdmissionLimit admission = new AdmissionLimit(3, new SimpleMeterRegistry());

    @Test
    void admitsUpToTheLimitThenRefuses() {
        assertThat(admission.tryEnter()).isTrue();
        assertThat(admission.tryEnter()).isTrue();
        assertThat(admission.tryEnter()).isTrue();
        assertThat(admission.tryEnter()).as("a fourth while three are inside").isFalse();
        assertThat(admission.inFlight()).as("a refusal takes no place").isEqualTo(3);
    }

    @Test
    void aPlaceLeftIsAPlaceFree() {
        for (int i = 0; i < 3; i++) {
            admission.tryEnter();
        }
        admission.leave();
        assertThat(admission.tryEnter()).isTrue();
        assertThat(admission.tryEnter()).isFalse();
    }

    @Test
    void manyThreadsNeverGetMorePlacesThanTheLimit() throws Exception {
        AdmissionLimit wide = new AdmissionLimit(50, new SimpleMeterRegistry());
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
}
