package fr.tremplin.applications;

import fr.tremplin.applications.service.BatchesInFlight;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The senders' pass: batches overlap up to the bound, and the pass ends only once every batch is recorded. */
class BatchesInFlightTest {

    private final ScheduledExecutorService receiver = Executors.newSingleThreadScheduledExecutor();
    private final BatchesInFlight batches = new BatchesInFlight("rows");

    /** A queue of rows leased {@code size} at a time. */
    private static Deque<Integer> rows(int count) {
        Deque<Integer> rows = new ConcurrentLinkedDeque<>();
        for (int i = 0; i < count; i++) {
            rows.add(i);
        }
        return rows;
    }

    private static List<Integer> take(Deque<Integer> rows, int size) {
        List<Integer> batch = new ArrayList<>();
        while (batch.size() < size && !rows.isEmpty()) {
            batch.add(rows.poll());
        }
        return batch;
    }

    @Test
    void batchesOverlapUpToTheBoundAndThePassWaitsForTheLast() {
        Deque<Integer> rows = rows(100);
        AtomicInteger onTheirWay = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();

        int leased = batches.pass(() -> true, 10, 40, size -> take(rows, size), batch -> {
            most.accumulateAndGet(onTheirWay.incrementAndGet(), Math::max);
            CompletableFuture<List<Integer>> answered = new CompletableFuture<>();
            receiver.schedule(() -> {
                onTheirWay.decrementAndGet();
                answered.complete(batch);
            }, 20, TimeUnit.MILLISECONDS);
            return answered;
        }, recorded -> finished.addAndGet(recorded.size()));

        assertThat(leased).isEqualTo(100);
        assertThat(finished).as("every batch finished before the pass returned").hasValue(100);
        assertThat(most).as("batches on their way at once").hasValue(4);
    }

    @Test
    void anEmptyLeaseWaitsForABatchOnItsWayThenLeasesWhatItsAnswersLetThrough() {
        // recording the first batch makes one more row due (as a delivered webhook lets the candidacy's next one go)
        Deque<Integer> rows = rows(3);
        int leased = batches.pass(() -> true, 3, 24, size -> take(rows, size), batch -> {
            CompletableFuture<List<Integer>> answered = new CompletableFuture<>();
            receiver.schedule(() -> answered.complete(batch), 50, TimeUnit.MILLISECONDS);
            return answered;
        }, recorded -> {
            if (recorded.contains(0)) {
                rows.add(99);
            }
        });

        assertThat(leased).isEqualTo(4);
        assertThat(rows).isEmpty();
    }

    @Test
    void aStoppedSenderLeasesNoMoreButWaitsForWhatItSent() {
        Deque<Integer> rows = rows(50);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger finished = new AtomicInteger();

        int leased = batches.pass(running::get, 10, 20, size -> take(rows, size), batch -> {
            running.set(false);
            return CompletableFuture.supplyAsync(() -> batch,
                    CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
        }, recorded -> finished.addAndGet(recorded.size()));

        assertThat(leased).isEqualTo(10);
        assertThat(finished).hasValue(10);
        assertThat(rows).hasSize(40);
    }
}
