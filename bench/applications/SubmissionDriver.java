import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pupils submitting their candidacies (POST /api/v1/applications) at a fixed rate. Open loop: each latency is
 * measured from the moment its request was due, so queueing in the service cannot hide. Also keeps what the hosts
 * and families need: whose each created candidacy is, and which pupils still have submissions on the way.
 */
final class SubmissionDriver {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final LeanHttp http;
    /** The service itself when {@code http} is a gateway in front of it; null otherwise. */
    private final LeanHttp direct;
    private final java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
    private final ConcurrentLinkedQueue<Long> directLatencies = new ConcurrentLinkedQueue<>();
    private final Tokens tokens;
    private final int rate;
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    /** (due time, latency, status) of each request of the measured run; null during the warm-up. */
    private volatile ConcurrentLinkedQueue<long[]> timeline;
    private final Tally<Integer> statuses = new Tally<>();
    private final AtomicLong lastAnswered = new AtomicLong();
    private final Map<UUID, World.Pupil> applicationPupil = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> pendingPerPupil = new ConcurrentHashMap<>();
    /** The candidacies created by the measured run (not the warm-up's): what the relays must each see once. */
    private final ConcurrentLinkedQueue<UUID> measuredCreated = new ConcurrentLinkedQueue<>();

    SubmissionDriver(LeanHttp http, LeanHttp direct, Tokens tokens, int rate) {
        this.http = http;
        this.direct = direct;
        this.tokens = tokens;
        this.rate = rate;
    }

    /** Counts the plan's submissions as on their way, before any is sent. */
    void expect(List<World.Candidacy> plan) {
        for (World.Candidacy c : plan) {
            pendingPerPupil.computeIfAbsent(c.pupil().id(), id -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** Sends the plan at the fixed rate, each request from its own virtual thread, and waits for the answers. */
    void fire(List<World.Candidacy> plan) throws InterruptedException {
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            long due = System.nanoTime();
            for (World.Candidacy c : plan) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                final long scheduled = due;
                executor.submit(() -> submit(c, scheduled));
                due += interval;
            }
        }
    }

    private void submit(World.Candidacy c, long scheduled) {
        String body = "{\"offerId\":\"" + c.offer().id() + "\",\"week\":\"" + c.week()
                + "\",\"motivation\":\"J'aimerais découvrir ce métier pendant ma semaine de stage.\"}";
        // with a gateway in front, every other submission goes straight to the service: both paths in the same run
        boolean straight = direct != null && sent.getAndIncrement() % 2 == 1;
        LeanHttp.Answer answer = (straight ? direct : http).call("POST", "/api/v1/applications",
                tokens.pupil(c.pupil()), body);
        long now = System.nanoTime();
        (straight ? directLatencies : latencies).add(now - scheduled);
        if (timeline != null) {
            timeline.add(new long[] {scheduled, now - scheduled, answer.status()});
        }
        lastAnswered.accumulateAndGet(now, Math::max);
        int seen = statuses.add(answer.status());
        if (answer.status() == 201) {
            Matcher id = ID.matcher(answer.body());
            if (id.find()) {
                UUID applicationId = UUID.fromString(id.group(1));
                applicationPupil.put(applicationId, c.pupil());
                if (timeline != null) {
                    measuredCreated.add(applicationId);
                }
            }
        } else if (seen <= 3) {
            System.out.println("  refused submission (" + answer.status() + "): " + answer.body());
        }
        pendingPerPupil.get(c.pupil().id()).decrementAndGet();
    }

    /** From now on, each request's due time and latency are kept for the slowest seconds. */
    void startTimeline() {
        timeline = new ConcurrentLinkedQueue<>();
    }

    /** Forgets the warm-up's latencies and answers; its candidacies stay known to the hosts and families. */
    void forgetFigures() {
        latencies.clear();
        directLatencies.clear();
        statuses.clear();
    }

    int created() {
        return statuses.get(201);
    }

    Tally<Integer> statuses() {
        return statuses;
    }

    /** The latencies through {@code http} (the gateway when there is one). */
    Collection<Long> latencies() {
        return latencies;
    }

    /** The latencies of the submissions sent straight to the service (none without a gateway). */
    Collection<Long> directLatencies() {
        return directLatencies;
    }

    /** The ids of the candidacies the measured run created. */
    Collection<UUID> measuredCreated() {
        return measuredCreated;
    }

    Collection<long[]> timeline() {
        return timeline;
    }

    /** System.nanoTime() of the last answer. */
    long lastAnswered() {
        return lastAnswered.get();
    }

    /** The ids of every candidacy this driver created (a 201 answer), warm-up included. */
    java.util.Set<UUID> createdIds() {
        return applicationPupil.keySet();
    }

    /** The pupil of a candidacy this driver created; null for an unknown one. */
    World.Pupil pupilOf(UUID applicationId) {
        return applicationPupil.get(applicationId);
    }

    /** Whether all the pupil's submissions are answered: a family confirms only then, as a pupil would. */
    boolean allAnswered(World.Pupil pupil) {
        return pendingPerPupil.get(pupil.id()).get() == 0;
    }
}
