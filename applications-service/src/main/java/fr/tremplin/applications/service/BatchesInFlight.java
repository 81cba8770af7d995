package fr.tremplin.applications.service;

import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The senders' pass ({@link WebhookSender}, {@code NotificationSender}): lease a batch, put it on its way, and lease
 * the next while earlier ones wait for their answers, up to {@code inFlight} rows on their way at once. A sender waits
 * for its receiver's answers, not for its CPU: with one batch at a time, each waited for its slowest message, and on a
 * busy machine the emails fell minutes behind a campaign (docs/BENCHMARKS.md, "Emails of a campaign"). A batch's
 * outcomes are recorded on a thread of this class's (blocking JDBC: never on the HTTP or SMTP client's threads); if
 * that fails, the batch's leases run out and it goes again (at least once). An empty lease waits for a batch on its way
 * before it gives up (its answers may let more rows fall due); the pass returns once every batch it sent is recorded.
 */
public final class BatchesInFlight {

    private static final Logger LOG = Logger.getLogger(BatchesInFlight.class);

    private final String what;
    /** A single thread on 2 cores would do; two let one batch's commit overlap the next one's. */
    private final ExecutorService recorder;

    /** @param what the rows, for the recorder's threads and its log line ({@code webhook deliveries}, {@code emails}) */
    public BatchesInFlight(String what) {
        this.what = what;
        this.recorder = Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon()
                .name(what.replace(' ', '-') + "-recorder-", 0).factory());
    }

    /**
     * @param running   false once the sender stops: no further lease
     * @param batchSize how many rows a lease takes at most (bounded by {@code inFlight})
     * @param inFlight  how many rows may be on their way at once, across batches
     * @param lease     the next batch of at most the given size (in a transaction of its own); empty when none is due
     * @param send      puts a batch on its way; completes with every row's outcome
     * @param record    records a batch's outcomes (in a transaction of its own)
     * @return how many rows the pass leased
     */
    public <T, O> int pass(BooleanSupplier running, int batchSize, int inFlight, IntFunction<List<T>> lease,
                           Function<List<T>, CompletableFuture<List<O>>> send, Consumer<List<O>> record) {
        int size = Math.max(1, Math.min(batchSize, inFlight));
        int maxBatches = Math.max(1, inFlight / size);
        int leased = 0;
        List<CompletableFuture<Void>> onTheirWay = new ArrayList<>();
        while (running.getAsBoolean()) {
            List<T> batch = lease.apply(size);
            if (batch.isEmpty()) {
                if (onTheirWay.isEmpty()) {
                    break;
                }
                awaitOne(onTheirWay);
                continue;
            }
            leased += batch.size();
            onTheirWay.add(send.apply(batch).thenAcceptAsync(record, recorder).exceptionally(error -> {
                LOG.warnf("%s: could not record a batch's outcomes, to be sent again: %s", what, error.getMessage());
                return null;
            }));
            if (onTheirWay.size() >= maxBatches) {
                awaitOne(onTheirWay);
            }
        }
        CompletableFuture.allOf(onTheirWay.toArray(CompletableFuture[]::new)).join();
        return leased;
    }

    /** At the sender's stop, once its last pass has returned. */
    public void shutdown() {
        recorder.shutdown();
    }

    private static void awaitOne(List<CompletableFuture<Void>> onTheirWay) {
        CompletableFuture.anyOf(onTheirWay.toArray(CompletableFuture[]::new)).join();
        onTheirWay.removeIf(CompletableFuture::isDone);
    }
}
