package fr.tremplin.offers.service;

import fr.tremplin.offers.api.StatisticsCriteria.GroupBy;
import fr.tremplin.offers.api.StatisticsRow;
import fr.tremplin.offers.repository.StatisticsQuery;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** What a dashboard's many readers get from {@link StatisticsCache}, with a query that counts its calls. */
class StatisticsCacheTest {

    /** Answers with as many (empty) rows as it has been called times; can be made slow or failing. */
    private static final class CountingQuery extends StatisticsQuery {
        final AtomicInteger calls = new AtomicInteger();
        volatile long delayMillis;
        volatile boolean failing;

        CountingQuery() {
            super(null);
        }

        @Override
        public List<StatisticsRow> rows(Selection selection) {
            int call = calls.incrementAndGet();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failing) {
                throw new IllegalStateException("database down");
            }
            List<StatisticsRow> rows = new ArrayList<>();
            for (int i = 0; i < call; i++) {
                rows.add(null);
            }
            return rows;
        }
    }

    private static StatisticsQuery.Selection question(String department) {
        return new StatisticsQuery.Selection("2026-2027", GroupBy.DEPARTMENT, false, null, null, null, department,
                List.of(), null, null, LocalDate.of(2027, 1, 20));
    }

    @Test
    void the_same_question_within_max_age_is_answered_once() {
        CountingQuery query = new CountingQuery();
        StatisticsCache cache = new StatisticsCache(query, Duration.ofHours(1));
        assertThat(cache.rows(question("59"))).hasSize(1);
        assertThat(cache.rows(question("59"))).hasSize(1);
        assertThat(query.calls).hasValue(1);
        assertThat(cache.rows(question("62"))).hasSize(2); // another question (another scope) is another query
        assertThat(query.calls).hasValue(2);
    }

    @Test
    void many_first_askers_of_one_question_wait_for_one_query() throws Exception {
        CountingQuery query = new CountingQuery();
        query.delayMillis = 300;
        StatisticsCache cache = new StatisticsCache(query, Duration.ofHours(1));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<StatisticsRow>>> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return cache.rows(question("59"));
                }));
            }
            start.countDown();
            for (Future<List<StatisticsRow>> answer : answers) {
                assertThat(answer.get(5, TimeUnit.SECONDS)).hasSize(1);
            }
        }
        assertThat(query.calls).hasValue(1);
    }

    @Test
    void after_max_age_the_kept_answer_comes_at_once_and_a_refresh_brings_the_new_one() {
        CountingQuery query = new CountingQuery();
        StatisticsCache cache = new StatisticsCache(query, Duration.ofMillis(200));
        assertThat(cache.rows(question("59"))).hasSize(1);
        query.delayMillis = 500;
        await().pollDelay(Duration.ofMillis(250)).until(() -> true);
        long asked = System.nanoTime();
        assertThat(cache.rows(question("59"))).hasSize(1); // stale, not waited for
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofMillis(400));
        await().atMost(Duration.ofSeconds(5)).until(() -> cache.rows(question("59")).size() == 2);
        assertThat(query.calls).hasValue(2);
    }

    @Test
    void a_failed_query_is_not_kept() {
        CountingQuery query = new CountingQuery();
        query.failing = true;
        StatisticsCache cache = new StatisticsCache(query, Duration.ofHours(1));
        assertThatThrownBy(() -> cache.rows(question("59"))).hasMessage("database down");
        query.failing = false;
        assertThat(cache.rows(question("59"))).hasSize(2);
    }

    @Test
    void max_age_zero_asks_the_database_each_time() {
        CountingQuery query = new CountingQuery();
        StatisticsCache cache = new StatisticsCache(query, Duration.ZERO);
        cache.rows(question("59"));
        cache.rows(question("59"));
        assertThat(query.calls).hasValue(2);
    }
}
