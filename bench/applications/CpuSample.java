import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU seconds used so far, from /proc: the service (its pid given as -DservicePid), PostgreSQL, Kafka, this generator,
 * the other processes, and the whole machine. Two samples around the measured run tell who used the cores meanwhile.
 * The service's and the gateway's time is also split by thread: their JIT compilers' and garbage collectors' share
 * (a JVM a few minutes after its start still compiles its hot code with C2, a cost that fades, docs/BENCHMARKS.md).
 */
record CpuSample(Map<String, Double> seconds) {

    private static final long SERVICE_PID = Long.parseLong(System.getProperty("servicePid", "0"));
    /** A gateway in front of the service (-DgatewayPid), when the run goes through one. */
    private static final long GATEWAY_PID = Long.parseLong(System.getProperty("gatewayPid", "0"));
    private static final List<String> KNOWN = List.of("service", "gateway", "postgres", "kafka", "load generator");

    static CpuSample now() {
        Map<String, Double> seconds = new HashMap<>();
        for (String who : List.of("service", "gateway", "postgres", "kafka", "load generator", "other", "machine")) {
            seconds.put(who, 0.0);
        }
        long self = ProcessHandle.current().pid();
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double used = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                    long pid = Long.parseLong(dir.getFileName().toString());
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String cmdline = Files.readString(dir.resolve("cmdline"));
                    String who = pid == SERVICE_PID ? "service" : pid == GATEWAY_PID ? "gateway"
                            : pid == self ? "load generator"
                            : comm.equals("postgres") ? "postgres"
                            : cmdline.contains("kafka.Kafka") ? "kafka" : "other";
                    seconds.merge(who, used, Double::sum);
                    if (pid == SERVICE_PID || pid == GATEWAY_PID) {
                        byThread(dir, who, seconds);
                    }
                } catch (Exception vanished) {
                    // a process that ended meanwhile
                }
            }
            String[] total = Files.readAllLines(Path.of("/proc/stat")).get(0).split("\\s+");
            double busy = 0;
            for (int i = 1; i <= 8; i++) {
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(total[i]);
            }
            seconds.put("machine", busy / 100.0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new CpuSample(seconds);
    }

    /** Adds the JVM's compiler and collector threads' time under "<who> jit" and "<who> gc". */
    private static void byThread(Path process, String who, Map<String, Double> seconds) throws Exception {
        try (var tasks = Files.list(process.resolve("task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double used = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                    // HotSpot's thread names, cut to 15 characters by the kernel: "C2 CompilerThre", "G1 Conc#0"...
                    String kind = comm.matches("C[12] CompilerThre.*") ? "jit"
                            : comm.matches("(GC Thread|G1 |VM Thread).*") ? "gc" : null;
                    if (kind != null) {
                        seconds.merge(who + " " + kind, used, Double::sum);
                    }
                } catch (Exception vanished) {
                    // a thread that ended meanwhile
                }
            }
        }
    }

    /**
     * "service: JIT compilers 2.1 ms, garbage collectors 0.3 ms, the rest 1.9 ms" per {@code count} requests, for the
     * service and, when there is one, the gateway.
     */
    String threadsPerRequestSince(CpuSample before, int count) {
        List<String> per = new java.util.ArrayList<>();
        for (String who : List.of("service", "gateway")) {
            double all = since(before, who);
            if (all == 0) {
                continue;
            }
            double jit = since(before, who + " jit");
            double gc = since(before, who + " gc");
            per.add(String.format("%s: JIT compilers %.2f ms, garbage collectors %.2f ms, the rest %.2f ms", who,
                    1000 * jit / Math.max(1, count), 1000 * gc / Math.max(1, count),
                    1000 * (all - jit - gc) / Math.max(1, count)));
        }
        return String.join("; ", per);
    }

    private double since(CpuSample before, String key) {
        return seconds.getOrDefault(key, 0.0) - before.seconds.getOrDefault(key, 0.0);
    }

    /** "service 1.9 ms  postgres 1.2 ms  …  machine 6.1 ms": each one's CPU time per {@code count} requests. */
    String perRequestSince(CpuSample before, int count) {
        StringBuilder per = new StringBuilder();
        for (String who : List.of("service", "gateway", "postgres", "kafka", "load generator", "machine")) {
            per.append(String.format("%s %.2f ms  ", who, 1000 * (seconds.get(who) - before.seconds.get(who))
                    / Math.max(1, count)));
        }
        return per.toString().strip();
    }

    /** "service 43%  postgres 15%  …  machine 203%": each one's share of one core since {@code before}. */
    String sharesSince(CpuSample before, double wallSeconds) {
        StringBuilder shares = new StringBuilder();
        double known = 0;
        for (String who : KNOWN) {
            double used = seconds.get(who) - before.seconds.get(who);
            known += used;
            shares.append(String.format("%s %.0f%%  ", who, 100 * used / wallSeconds));
        }
        double machine = seconds.get("machine") - before.seconds.get("machine");
        // whatever else ran meanwhile (other builds on a shared machine), processes that came and went included
        shares.append(String.format("everything else %.0f%%  machine %.0f%%", 100 * (machine - known) / wallSeconds,
                100 * machine / wallSeconds));
        return shares.toString().strip();
    }
}
