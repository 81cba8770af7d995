package fr.tremplin.applications.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The senders' pass ({@link WebhookSender}, {@code NotificationSender}): lease a batch, put it on its way, and lease
 * the next while up to {@code maxBatches} are on their way at once. A sender waits for its receiver's answers, not for
 * its CPU: with one batch at a time, each waited for its slowest message, and on a busy machine the emails fell minutes
 * behind a campaign (docs/BENCHMARKS.md, "Emails of a campaign"). An empty lease waits for a batch on its way before
 * it gives up (its answers may let more rows fall due); the pass returns once every batch it sent has finished.
 */
public final class BatchesInFlight {

    private BatchesInFlight() {
    }

    /**
     * @param running    false once the sender stops: no further lease
     * @param maxBatches how many batches may be on their way at once (at least one)
     * @param lease      the next batch (in a transaction of its own); empty when nothing is due
     * @param send       puts a batch on its way; completes once its outcomes are recorded, never exceptionally
     * @return how many rows the pass leased
     */
    public static <T> int pass(BooleanSupplier running, int maxBatches, Supplier<List<T>> lease,
                               Function<List<T>, CompletableFuture<?>> send) {
        int leased = 0;
        List<CompletableFuture<?>> onTheirWay = new ArrayList<>();
        while (running.getAsBoolean()) {
            List<T> batch = lease.get();
            if (batch.isEmpty()) {
                if (onTheirWay.isEmpty()) {
                    break;
                }
                awaitOne(onTheirWay);
                continue;
            }
            leased += batch.size();
            onTheirWay.add(send.apply(batch));
            if (onTheirWay.size() >= Math.max(1, maxBatches)) {
                awaitOne(onTheirWay);
            }
        }
        CompletableFuture.allOf(onTheirWay.toArray(CompletableFuture[]::new)).join();
        return leased;
    }

    private static void awaitOne(List<CompletableFuture<?>> onTheirWay) {
        CompletableFuture.anyOf(onTheirWay.toArray(CompletableFuture[]::new)).join();
        onTheirWay.removeIf(CompletableFuture::isDone);
    }
}
