package fr.tremplin.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

class RefusalLogTest {

    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    private final RefusalLog log = new RefusalLog(Logger.getLogger(RefusalLogTest.class), "requests refused", now::get);

    @Test
    void theFirstRefusalIsLoggedThenOneLineEveryTenSecondsWithTheCount() {
        assertThat(log.refused()).as("the first one, at once").isEqualTo(1);
        for (int i = 0; i < 499; i++) {
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
            assertThat(log.refused()).as("within ten seconds of the line").isZero();
        }
        now.addAndGet(TimeUnit.SECONDS.toNanos(6));
        assertThat(log.refused()).as("the 500 since the first line").isEqualTo(500);
        now.addAndGet(TimeUnit.SECONDS.toNanos(10));
        assertThat(log.refused()).isEqualTo(1);
    }
}
