import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator of the statistics benchmark, a separate process:
 *   java -cp … StatisticsLoad BASE_URL BEARER_TOKEN CLIENTS SECONDS WARMUP_SECONDS PATH…
 * For each path in turn: CLIENTS concurrent clients ask it again and again (closed loop) for WARMUP_SECONDS
 * (unrecorded), then for SECONDS; one line of figures per path. A dashboard is many people asking the same few
 * questions, which is the load this reproduces.
 */
public class StatisticsLoad {

    public static void main(String[] args) throws Exception {
        LeanHttp client = new LeanHttp(args[0]);
        String bearer = args[1];
        int clients = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        for (int i = 5; i < args.length; i++) {
            run(client, bearer, args[i], clients, warmup, false);
            System.out.println(run(client, bearer, args[i], clients, seconds, true));
        }
    }

    private static String run(LeanHttp client, String bearer, String path, int clients, int seconds,
                              boolean record) throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                executor.submit(() -> {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        LeanHttp.Answer answer = client.call("GET", path, bearer, null);
                        latencies.add(System.nanoTime() - sent);
                        if (answer.status() != 200) {
                            errors.incrementAndGet();
                        }
                    }
                });
            }
        }
        if (!record) {
            return "";
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("path=%s clients=%d requests=%d errors=%d throughput=%.1f/s p50=%.1fms p99=%.1fms max=%.1fms",
                path, clients, sorted.length, errors.get(), sorted.length / elapsed, Percentiles.millis(sorted, 50),
                Percentiles.millis(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }
}
