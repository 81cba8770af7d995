import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU seconds used so far, from /proc: the service (its pid given as -DservicePid), PostgreSQL, Kafka, this generator,
 * the other processes, and the whole machine. Two samples around the measured run tell who used the cores meanwhile.
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
