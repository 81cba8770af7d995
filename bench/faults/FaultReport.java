import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of each fault of a run, from the submissions' timeline (due time, latency, status) and the backlogs
 * polled once a second, cut at the marks run.sh wrote: "fault NAME EPOCH_MS" when it broke a dependency, "back NAME
 * EPOCH_MS" when the dependency was back (restarted; for a service, when its process was started again).
 * A submission is answered normally when it gets 201 within 2 s. Recovery times are counted from "back":
 *   - answers: until the last abnormal answer of the fault's window (0 when the last one came before);
 *   - outbox: until the service's unpublished events are down to one second of load again;
 *   - consumers: until offers- and schools-service have processed all but two seconds of load of the events.
 */
final class FaultReport {

    private static final long SLOW_MS = 2000;

    private record Mark(String kind, String name, long at) {
    }

    private final long startNanos;
    private final long startEpoch;
    private final SubmissionDriver submissions;
    private final Collection<FaultLoad.Backlog> backlogs;
    private final int rate;
    private final List<Mark> faults = new ArrayList<>();
    private final Map<String, Long> backs = new TreeMap<>();
    private final StringBuilder summary = new StringBuilder();

    FaultReport(long startNanos, long startEpoch, SubmissionDriver submissions, Tally<String> actions,
                Collection<FaultLoad.Backlog> backlogs, int rate) {
        this.startNanos = startNanos;
        this.startEpoch = startEpoch;
        this.submissions = submissions;
        this.backlogs = backlogs;
        this.rate = rate;
    }

    void marks(List<String> lines) {
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length != 3) {
                continue;
            }
            Mark mark = new Mark(f[0], f[1], Long.parseLong(f[2]));
            if (mark.kind().equals("fault")) {
                faults.add(mark);
            } else if (mark.kind().equals("back")) {
                backs.put(mark.name(), mark.at());
            }
        }
    }

    int actionStatus(Tally<String> actions, int status) {
        int n = 0;
        for (String action : List.of("accept", "confirm", "forward", "reject")) {
            n += actions.get(action + " " + status);
        }
        return n;
    }

    void print() {
        System.out.println("faults:");
        long first = faults.isEmpty() ? Long.MAX_VALUE : faults.get(0).at();
        Tally<String> before = new Tally<>();
        for (long[] answer : submissions.timeline()) {
            if (startEpoch + (answer[0] - startNanos) / 1_000_000 < first) {
                before.add(answer[2] + (answer[2] == 201 && answer[1] / 1_000_000 >= SLOW_MS ? " slow" : ""));
            }
        }
        System.out.printf("  before the first fault (or the whole run without one): submissions %s%n", before.sorted());
        for (int i = 0; i < faults.size(); i++) {
            Mark fault = faults.get(i);
            long back = backs.getOrDefault(fault.name(), fault.at());
            long windowEnd = i + 1 < faults.size() ? faults.get(i + 1).at() : Long.MAX_VALUE;
            Tally<String> during = new Tally<>();
            Tally<String> after = new Tally<>();
            long lastAbnormal = Long.MIN_VALUE;
            for (long[] answer : submissions.timeline()) {
                long due = startEpoch + (answer[0] - startNanos) / 1_000_000;
                if (due < fault.at() || due >= windowEnd) {
                    continue;
                }
                long latencyMs = answer[1] / 1_000_000;
                boolean normal = answer[2] == 201 && latencyMs < SLOW_MS;
                String key = answer[2] + (answer[2] == 201 && !normal ? " slow" : "");
                (due < back ? during : after).add(key);
                if (!normal) {
                    lastAbnormal = Math.max(lastAbnormal, due + latencyMs);
                }
            }
            String answers = lastAbnormal == Long.MIN_VALUE ? "unaffected"
                    : String.format("%.1f s", Math.max(0, lastAbnormal - back) / 1e3);
            String outbox = recovery(back, windowEnd, b -> b.pending() >= 0 && b.pending() <= rate,
                    b -> b.pending() > rate);
            String consumers = recovery(back, windowEnd, this::consumersCaughtUp, b -> !consumersCaughtUp(b));
            System.out.printf("  %s: down %.1f s; submissions while down %s, after %s; back to normal after its "
                    + "return: answers %s, outbox %s, consumers %s%n", fault.name(), (back - fault.at()) / 1e3,
                    during.sorted(), after.sorted(), answers, outbox, consumers);
            summary.append(summary.isEmpty() ? "" : ",").append(fault.name()).append(':').append(answers.replace(" ", ""))
                    .append('/').append(outbox.replace(" ", "")).append('/').append(consumers.replace(" ", ""));
        }
    }

    private boolean consumersCaughtUp(FaultLoad.Backlog b) {
        return b.outbox() >= 0 && b.offersConsumed() >= 0 && b.schoolsConsumed() >= 0
                && b.outbox() - b.offersConsumed() <= 2L * rate && b.outbox() - b.schoolsConsumed() <= 2L * rate;
    }

    /**
     * Seconds from {@code back} to the first poll of the window where {@code caughtUp} holds, or "no backlog" when no
     * poll from the fault on was {@code behind}.
     */
    private String recovery(long back, long windowEnd, java.util.function.Predicate<FaultLoad.Backlog> caughtUp,
                            java.util.function.Predicate<FaultLoad.Backlog> behind) {
        long fault = faults.stream().filter(f -> backs.getOrDefault(f.name(), f.at()) == back).findFirst()
                .map(Mark::at).orElse(back);
        boolean wasBehind = false;
        for (FaultLoad.Backlog b : backlogs) {
            if (b.at() >= fault && b.at() < windowEnd && behind.test(b)) {
                wasBehind = true;
            }
        }
        if (!wasBehind) {
            return "no backlog";
        }
        for (FaultLoad.Backlog b : backlogs) {
            if (b.at() >= back && b.at() < windowEnd && caughtUp.test(b)) {
                return String.format("%.1f s", (b.at() - back) / 1e3);
            }
        }
        return "not within the window";
    }

    String recoverySummary() {
        return summary.isEmpty() ? "none" : summary.toString();
    }
}
