import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The figures of the measured run, printed section by section (docs/BENCHMARKS.md quotes them as they are). */
final class Report {

    private Report() {
    }

    /** The submissions' answers, the rate sustained, the latencies, and whether the slow answers came in bursts. */
    static void submissions(SubmissionDriver submissions, int planned, int rate, int created, double elapsed,
                            long start) {
        long[] latency = sorted(submissions.latencies());
        System.out.printf("submissions: %d sent at a target of %d/s; answers %s%n", planned, rate,
                submissions.statuses().sorted());
        System.out.printf("  sustained: %.1f candidacies/s created (%d in %.1f s, first request to last answer)%n",
                created / elapsed, created, elapsed);
        System.out.printf("  POST /api/v1/applications latency from due time: p50=%.1f ms p95=%.1f ms p99=%.1f ms "
                + "max=%.1f ms%n", pct(latency, 50) / 1e6, pct(latency, 95) / 1e6, pct(latency, 99) / 1e6,
                max(latency) / 1e6);
        long[] direct = sorted(submissions.directLatencies());
        if (direct.length > 0) {
            System.out.printf("  (the line above: through the gateway, n=%d) straight to the service, n=%d: p50=%.1f ms "
                    + "p95=%.1f ms p99=%.1f ms max=%.1f ms; the gateway adds %+.2f ms at p50%n", latency.length,
                    direct.length, pct(direct, 50) / 1e6, pct(direct, 95) / 1e6, pct(direct, 99) / 1e6,
                    max(direct) / 1e6, (pct(latency, 50) - pct(direct, 50)) / 1e6);
        }
        slowestSeconds(submissions.timeline(), start);
    }

    /** The seconds with the slowest answers, to see whether the tail comes in bursts. */
    private static void slowestSeconds(Collection<long[]> timeline, long start) {
        Map<Long, List<Long>> perSecond = new TreeMap<>();
        for (long[] point : timeline) {
            perSecond.computeIfAbsent((point[0] - start) / 1_000_000_000L, k -> new ArrayList<>()).add(point[1]);
        }
        StringBuilder worst = new StringBuilder();
        perSecond.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().stream().mapToLong(Long::longValue).max().orElse(0)))
                .sorted(Map.Entry.<Long, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> worst.append(String.format("s%d:%.0fms ", e.getKey(), e.getValue() / 1e6)));
        long slowSeconds = perSecond.values().stream()
                .filter(l -> l.stream().anyMatch(v -> v > 100_000_000L)).count();
        System.out.printf("  seconds with an answer over 100 ms: %d of %d; slowest: %s%n", slowSeconds,
                perSecond.size(), worst.toString().strip());
    }

    /** The relays' triage rate over the whole run (drain included), and every action's answers. */
    static void actors(RelayAgents relays, double triageSeconds, Tally<String> actions) {
        System.out.printf("relay agents (%d, by REST: claim then forward/reject) triaged %d candidacies, %.1f/s over "
                + "the run%n", relays.count(), relays.triaged(), relays.triaged() / triageSeconds);
        System.out.printf("hosts and families: %s%n", actions);
    }

    static void eventDelays(EventObserver events) {
        long[] delays = sorted(events.submittedDelays());
        long[] relayDelays = sorted(events.relayedDelays());
        System.out.printf("event delay, submission (payload occurredAt) -> readable by a consumer of %s:%n",
                EventObserver.TOPIC);
        System.out.printf("  all application.submitted (n=%d): p50=%d ms p99=%d ms max=%d ms%n", delays.length,
                pct(delays, 50), pct(delays, 99), max(delays));
        System.out.printf("  those with a relay header (n=%d): p50=%d ms p99=%d ms max=%d ms%n", relayDelays.length,
                pct(relayDelays, 50), pct(relayDelays, 99), max(relayDelays));
    }

    static void cpu(CpuSample before, CpuSample after, double wallSeconds) {
        System.out.printf("CPU while submitting (100%% = one core, %d cores): %s%n",
                Runtime.getRuntime().availableProcessors(), after.sharesSince(before, wallSeconds));
    }

    /** CPU time per candidacy created while submitting (the channels' work included, as it runs meanwhile). */
    static void cpuPerCandidacy(CpuSample before, CpuSample after, int created) {
        System.out.printf("CPU per candidacy created: %s%n", after.perRequestSince(before, created));
        System.out.printf("  by thread: %s%n", after.threadsPerRequestSince(before, created));
    }

    /**
     * For each relay channel: the delay from each measured submission to its message on the relay's channel, whether
     * every one arrived exactly once, and the verdict against the channel's p99 target.
     */
    static void relayChannels(Collection<java.util.UUID> measured, String isolation, RelayArrivals feed,
                              WebhookReceiver webhooks) {
        System.out.printf("relay channels (%d candidacies of the measured run; delay = arrival at the relay - "
                + "submission, payload occurredAt):%n", measured.size());
        System.out.println("  isolation: " + isolation);
        relayChannel(measured, feed, 1000);
        if (webhooks != null) {
            relayChannel(measured, webhooks.arrivals(), 2000);
            System.out.printf("  webhook deliveries whose signature did not verify: %d%n", webhooks.unverified());
        }
    }

    private static void relayChannel(Collection<java.util.UUID> measured, RelayArrivals arrivals, long targetP99) {
        long[] delays = arrivals.delays(measured);
        long missing = arrivals.missing(measured);
        long p99 = pct(delays, 99);
        // a redelivery (same message id) is allowed by the at-least-once contract: counted, not a failure
        boolean pass = missing == 0 && arrivals.submittedTwice() == 0 && arrivals.foreign() == 0 && p99 < targetP99;
        System.out.printf("  %s: submitted -> arrived p50=%d ms p95=%d ms p99=%d ms max=%d ms; seen %d, missing %d, "
                + "delivered twice %d, submission twice %d, other relay's %d; messages %d; p99 target < %d ms: %s%n",
                arrivals.channel(), pct(delays, 50), pct(delays, 95), p99, max(delays), delays.length, missing,
                arrivals.redelivered(), arrivals.submittedTwice(), arrivals.foreign(), arrivals.messages(),
                targetP99, pass ? "PASS" : "FAIL");
    }

    private static long[] sorted(Collection<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** The nearest-rank percentile; 0 when there is nothing. */
    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long max(long[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }
}
