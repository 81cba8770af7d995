import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The load generator of the offers search benchmark, run as a separate process:
 *   java SearchLoad.java BASE_URL POINTS_CSV SECTOR WEEK rate RPS SECONDS   (open loop: latency at a fixed rate)
 *   java SearchLoad.java BASE_URL POINTS_CSV SECTOR WEEK max CONNECTIONS SECONDS (closed loop: throughput)
 * An optional last argument WARMUP_SECONDS runs the same load first without recording it, so that the load
 * generator's own start (JIT, connection pool) is not counted against the service.
 * Each request searches 10 km around a random collège for one sector and one week. Latency is measured from the
 * moment a request was due (open loop), so a slow server cannot hide its queueing (no coordinated omission).
 * It prints its own CPU a request over the recorded part ({@code loadCpu}): it shares the machine's cores with the
 * service and PostgreSQL, as pgbench does with PostgreSQL alone, so what each client costs is part of each ratio.
 */
public class SearchLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String sector = args[2];
        String week = args[3];
        // each collège's search, written once: the generator shares the cores it measures
        List<String> paths = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String[] parts = line.split(",");
            if (parts.length == 2) {
                paths.add("/api/v1/offers?latitude=" + Double.parseDouble(parts[0]) + "&longitude="
                        + Double.parseDouble(parts[1]) + "&radiusKm=10&sector=" + sector + "&week=" + week + "&size=20");
            }
        }
        String mode = args[4];
        int amount = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);
        int warmup = args.length > 7 ? Integer.parseInt(args[7]) : 0;
        URI uri = URI.create(base);

        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong hits = new AtomicLong();
        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
        long start = System.nanoTime();
        long end = warmupEnd + TimeUnit.SECONDS.toNanos(seconds);
        long[] cpuFrom = {processCpuNanos()};
        Thread.ofPlatform().daemon().start(() -> {
            LockSupport.parkNanos(warmupEnd - System.nanoTime());
            cpuFrom[0] = processCpuNanos();
        });
        HttpLoad load = new HttpLoad(uri.getHost(), uri.getPort(), (due, latency, status, tail) -> {
            if (due < warmupEnd) {
                return;
            }
            latencies.add(new long[] {due, latency});
            if (status != 200) {
                errors.incrementAndGet();
            } else {
                hits.addAndGet(totalItems(tail));
            }
        });
        Supplier<String> path = () -> paths.get(ThreadLocalRandom.current().nextInt(paths.size()));
        if (mode.equals("rate")) {
            load.atRate(path, start, TimeUnit.SECONDS.toNanos(1) / amount, end);
        } else {
            load.closedLoop(path, amount, end);
        }
        double elapsed = (System.nanoTime() - warmupEnd) / 1e9;
        long cpu = processCpuNanos() - cpuFrom[0];
        String timeline = System.getenv("SEARCH_LOAD_TIMELINE");
        if (timeline != null) {
            // one line a request: when it was due (ms after the recorded start) and how long it took (ms)
            List<String> lines = new ArrayList<>();
            latencies.stream().sorted((a, b) -> Long.compare(a[0], b[0])).forEach(l ->
                    lines.add(String.format("%.1f,%.2f", (l[0] - warmupEnd) / 1e6, l[1] / 1e6)));
            Files.write(Path.of(timeline), lines);
        }
        long[] sorted = latencies.stream().mapToLong(l -> l[1]).sorted().toArray();
        System.out.printf("mode=%s %s=%d requests=%d errors=%d throughput=%.1f/s p50=%.1fms p99=%.1fms max=%.1fms avgHits=%.1f loadCpu=%.3fms%n",
                mode, mode.equals("rate") ? "targetRps" : "connections", amount, sorted.length, errors.get(),
                sorted.length / elapsed, Percentiles.millis(sorted, 50), Percentiles.millis(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, sorted.length == 0 ? 0.0 : hits.get() / (double) sorted.length,
                sorted.length == 0 ? 0.0 : cpu / 1e6 / sorted.length);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The page's total, read from its last bytes (the page ends with it) without decoding the page. */
    private static long totalItems(String tail) {
        int at = tail.lastIndexOf("\"totalItems\":");
        if (at < 0) {
            return 0;
        }
        int from = at + 13;
        int to = from;
        while (to < tail.length() && Character.isDigit(tail.charAt(to))) {
            to++;
        }
        return to > from ? Long.parseLong(tail, from, to, 10) : 0;
    }
}
