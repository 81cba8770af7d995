package fr.tremplin.applications.repository;

import fr.tremplin.applications.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leasing both delivery queues share, on a table of its own ({@code lease_probe}, dropped afterwards) in the
 * test's real PostgreSQL: due rows in order up to the size, never twice while a lease lasts, again once it ran out,
 * never the same row to two instances at once (FOR UPDATE SKIP LOCKED, without waiting), the next retry.
 */
@QuarkusTest
class LeasedQueueTest {

    private static final Instant NOW = Instant.parse("2028-01-10T08:00:00Z").truncatedTo(ChronoUnit.SECONDS);
    private static final Instant UNTIL = NOW.plusSeconds(60);

    @Inject
    EntityManager em;

    private LeasedQueue queue() {
        return new LeasedQueue(em, "lease_probe", "c.state = 'PENDING'", "c.seq", "state = 'PENDING'");
    }

    @BeforeEach
    void table() {
        TestEvents.execute("CREATE TABLE IF NOT EXISTS lease_probe (id UUID PRIMARY KEY, seq BIGSERIAL, "
                + "state TEXT NOT NULL, next_attempt_at TIMESTAMPTZ NOT NULL, leased_until TIMESTAMPTZ, "
                + "attempts INT NOT NULL DEFAULT 0)");
        TestEvents.execute("TRUNCATE lease_probe");
    }

    @AfterAll
    static void drop() {
        TestEvents.execute("DROP TABLE IF EXISTS lease_probe");
    }

    private static UUID row(String state, Instant due) {
        UUID id = UUID.randomUUID();
        TestEvents.execute("INSERT INTO lease_probe (id, state, next_attempt_at) VALUES (?, ?, ?)", id, state,
                Timestamp.from(due));
        return id;
    }

    private Set<UUID> lease(Instant now, int size) {
        return QuarkusTransaction.requiringNew().call(() -> ids(queue().lease(now, now.plusSeconds(60), size, null,
                null, "t.id, t.seq")));
    }

    private static Set<UUID> ids(List<Object[]> rows) {
        return rows.stream().map(row -> (UUID) row[0]).collect(Collectors.toSet());
    }

    @Test
    void dueRowsAreLeasedInOrderUpToTheSizeAndNotAgainUntilTheLeaseRunsOut() {
        List<UUID> due = List.of(row("PENDING", NOW.minusSeconds(60)), row("PENDING", NOW.minusSeconds(120)),
                row("PENDING", NOW), row("PENDING", NOW.minusSeconds(5)), row("PENDING", NOW.minusSeconds(1)));
        row("PENDING", UNTIL.plusSeconds(30));   // not due yet
        row("SENT", NOW.minusSeconds(60));    // done

        assertThat(lease(NOW, 3)).containsExactlyInAnyOrderElementsOf(due.subList(0, 3));   // in the queue's order
        assertThat(lease(NOW, 10)).containsExactlyInAnyOrderElementsOf(due.subList(3, 5));
        assertThat(lease(NOW.plusSeconds(30), 10)).as("leased, and the other one not due yet").isEmpty();
        assertThat(TestEvents.count("SELECT count(*) FROM lease_probe WHERE leased_until = ?", Timestamp.from(UNTIL)))
                .isEqualTo(5);

        // the lease ran out (its sender died): the rows go again
        assertThat(lease(UNTIL, 10)).containsExactlyInAnyOrderElementsOf(due);

        // a recorded attempt gives the lease back and counts
        TestEvents.execute("UPDATE lease_probe SET " + LeasedQueue.ATTEMPT_DONE + " WHERE id = ?", due.get(0));
        assertThat(TestEvents.count("SELECT count(*) FROM lease_probe WHERE id = ? AND attempts = 1 "
                + "AND leased_until IS NULL", due.get(0))).isEqualTo(1);
        assertThat(lease(UNTIL.plusSeconds(1), 10)).containsExactly(due.get(0));
    }

    @Test
    void twoInstancesNeverLeaseTheSameRowAndNeitherWaitsForTheOther() throws Exception {
        for (int i = 0; i < 5; i++) {
            row("PENDING", NOW.minusSeconds(60 - i));
        }
        CountDownLatch leased = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // two threads of their own (the common pool may have a single one on a small machine)
        ExecutorService instances = Executors.newFixedThreadPool(2);
        CompletableFuture<Set<UUID>> first = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew()
                .call(() -> {
                    Set<UUID> mine = ids(queue().lease(NOW, UNTIL, 3, null, null, "t.id, t.seq"));
                    leased.countDown();
                    assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();   // holds its locks, uncommitted
                    return mine;
                }), instances);
        assertThat(leased.await(30, TimeUnit.SECONDS)).isTrue();
        // the other instance, while the first one's transaction is open: the locked rows are passed over, not waited for
        Set<UUID> second;
        try {
            second = CompletableFuture.supplyAsync(() -> lease(NOW, 10), instances).get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
        }
        Set<UUID> mine = first.get(30, TimeUnit.SECONDS);
        instances.shutdown();
        assertThat(mine).hasSize(3);
        assertThat(second).hasSize(2).doesNotContainAnyElementsOf(mine);
        assertThat(lease(NOW, 10)).isEmpty();
    }

    @Test
    void theNextRetryIsTheEarliestWaitingRowAfterNow() {
        assertThat(QuarkusTransaction.requiringNew().call(() -> queue().nextRetry(NOW))).isEmpty();
        row("PENDING", NOW.minusSeconds(10));   // already due: the pass under way takes it
        row("PENDING", NOW.plusSeconds(3600));
        row("PENDING", NOW.plusSeconds(30));
        row("SENT", NOW.plusSeconds(5));
        assertThat(QuarkusTransaction.requiringNew().call(() -> queue().nextRetry(NOW))).contains(NOW.plusSeconds(30));
    }
}
