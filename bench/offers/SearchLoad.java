import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator of the offers search benchmark, run as a separate process:
 *   java SearchLoad.java BASE_URL POINTS_CSV SECTOR WEEK rate RPS SECONDS   (open loop: latency at a fixed rate)
 *   java SearchLoad.java BASE_URL POINTS_CSV SECTOR WEEK max CONNECTIONS SECONDS (closed loop: throughput)
 * An optional last argument WARMUP_SECONDS runs the same load first without recording it, so that the load
 * generator's own start (JIT, connection pool) is not counted against the service.
 * Each request searches 10 km around a random collège for one sector and one week. Latency is measured from the
 * moment a request was due (open loop), so a slow server cannot hide its queueing (no coordinated omission).
 */
public class SearchLoad {

    private static volatile long measuredFrom;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<double[]> points = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String[] parts = line.split(",");
            if (parts.length == 2) {
                points.add(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
            }
        }
        String sector = args[2];
        String week = args[3];
        String mode = args[4];
        int amount = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);
        int warmup = args.length > 7 ? Integer.parseInt(args[7]) : 0;
        LeanHttp client = new LeanHttp(base);

        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong hits = new AtomicLong();
        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
        measuredFrom = warmupEnd;
        long start = System.nanoTime();
        long end = warmupEnd + TimeUnit.SECONDS.toNanos(seconds);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            if (mode.equals("rate")) {
                long interval = TimeUnit.SECONDS.toNanos(1) / amount;
                long due = start;
                while (due < end) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    final long scheduled = due;
                    executor.submit(() -> call(client, path(points, sector, week), scheduled, latencies, errors, hits));
                    due += interval;
                }
            } else {
                for (int c = 0; c < amount; c++) {
                    executor.submit(() -> {
                        while (System.nanoTime() < end) {
                            call(client, path(points, sector, week), System.nanoTime(), latencies, errors, hits);
                        }
                    });
                }
            }
        }
        double elapsed = (System.nanoTime() - warmupEnd) / 1e9;
        String timeline = System.getenv("SEARCH_LOAD_TIMELINE");
        if (timeline != null) {
            // one line a request: when it was due (ms after the recorded start) and how long it took (ms)
            List<String> lines = new ArrayList<>();
            latencies.stream().sorted((a, b) -> Long.compare(a[0], b[0])).forEach(l ->
                    lines.add(String.format("%.1f,%.2f", (l[0] - warmupEnd) / 1e6, l[1] / 1e6)));
            Files.write(Path.of(timeline), lines);
        }
        long[] sorted = latencies.stream().mapToLong(l -> l[1]).sorted().toArray();
        System.out.printf("mode=%s %s=%d requests=%d errors=%d throughput=%.1f/s p50=%.1fms p99=%.1fms max=%.1fms avgHits=%.1f%n",
                mode, mode.equals("rate") ? "targetRps" : "connections", amount, sorted.length, errors.get(),
                sorted.length / elapsed, Percentiles.millis(sorted, 50), Percentiles.millis(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, sorted.length == 0 ? 0.0 : hits.get() / (double) sorted.length);
    }

    private static String path(List<double[]> points, String sector, String week) {
        double[] point = points.get(ThreadLocalRandom.current().nextInt(points.size()));
        return "/api/v1/offers?latitude=" + point[0] + "&longitude=" + point[1]
                + "&radiusKm=10&sector=" + sector + "&week=" + week + "&size=20";
    }

    private static void call(LeanHttp client, String path, long scheduled, ConcurrentLinkedQueue<long[]> latencies,
                             AtomicLong errors, AtomicLong hits) {
        LeanHttp.Answer response = client.call("GET", path, null, null);
        if (scheduled < measuredFrom) {
            return;
        }
        latencies.add(new long[] {scheduled, System.nanoTime() - scheduled});
        if (response.status() != 200) {
            errors.incrementAndGet();
        } else {
            int at = response.body().lastIndexOf("\"totalItems\":");
            if (at >= 0) {
                String tail = response.body().substring(at + 13).replaceAll("[^0-9].*$", "");
                hits.addAndGet(Long.parseLong(tail.isEmpty() ? "0" : tail));
            }
        }
    }
}
