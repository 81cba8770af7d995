import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The campaign-opening load generator (docs/BENCHMARKS.md, "Campaign opening"), run as a separate process from the
 * classes bench/applications/run.sh compiles:
 *
 *   java -cp CP CampaignLoad topics  BOOTSTRAP OFFERS_TOPIC SCHOOLS_TOPIC
 *   java -cp CP CampaignLoad run     key=value...   (see CampaignOptions)
 *
 * 1. Seeds the world the way production does (World, TopicSeeder): 5,000 offers, the schools and 20,000 pupils are
 *    published as events on the offers' and schools' topics; waits until applications-service's read models have them.
 * 2. Registers relays (admin REST) for half of the départements (RelayAgents); or, with relays=N, N relays over all
 *    of them, each with its Kafka credentials and a consumer of its own feed (RelayFeeds), and with webhooks=true a
 *    signed webhook to a local receiver (WebhookReceiver).
 * 3. 20,000 pupils submit 50,000 candidacies at a fixed rate (SubmissionDriver), while
 *      - one agent per relay works its queue by REST (RelayAgents),
 *      - hosts accept some forwarded candidacies and pupils confirm some accepted ones (HostsAndFamilies),
 *      - a plain Kafka consumer reads tremplin.applications.v1 and measures the delay from each submission to the
 *        event being readable (EventObserver).
 * 4. Prints the figures (Report, CpuSample) and checks the seat ledger and the events (ConsistencyChecks).
 *
 * This class only wires the parts and runs the phases in order.
 */
public class CampaignLoad {

    /** The one mapper of every part (thread-safe once built). */
    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        if (args[0].equals("topics")) {
            TopicSeeder.createTopics(args[1], List.of(args[2], args[3]));
            return;
        }
        run(CampaignOptions.parse(args));
    }

    static void run(CampaignOptions options) throws Exception {
        Tokens tokens = Tokens.signingWith(options.key());
        LeanHttp http = new LeanHttp(options.base());
        Database db = new Database(options.db());

        long t0 = System.nanoTime();
        World world = World.build(options.offers(), options.schools(), options.pupils(), options.warmupPupils());
        List<World.Candidacy> warmupPlan = world.plan(world.warmupPupils(), options.warmup());
        List<World.Candidacy> plan = world.plan(world.campaignPupils(), options.candidacies());
        System.out.printf("world: %d offers (%d seats over %d offer-weeks), %d schools, %d pupils; plan: %d "
                + "candidacies%n", world.offers().size(), world.seats(), world.offerWeeks(), world.schools().size(),
                world.campaignPupils().size(), plan.size());
        seed(options, world, tokens, db);
        if (options.mail()) {
            Mailboxes.seedContacts(options.db(), world);
        }
        System.out.printf("seeded through the topics and read models filled in %.1f s%n",
                (System.nanoTime() - t0) / 1e9);

        AtomicBoolean over = new AtomicBoolean(false);
        Tally<String> actions = new Tally<>();
        RelayAgents relays = new RelayAgents(http, tokens, actions, over);
        relays.register(options.relays());
        RelayFeeds feeds = null;
        WebhookReceiver webhooks = null;
        String isolation = null;
        List<Thread> feedConsumers = List.of();
        if (options.relays() > 0) {
            feeds = new RelayFeeds(http, over);
            feeds.obtainCredentials(relays.ids(), relays.admin());
            isolation = feeds.proveIsolation();
            System.out.println(isolation);
            feedConsumers = feeds.start();
            if (options.webhooks()) {
                webhooks = new WebhookReceiver();
                webhooks.register(http, relays.ids(), relays.admin());
            }
            System.out.printf("%d relays over %d départements, each reading its own Kafka feed%s%n", relays.count(),
                    World.DEPARTMENTS.size(), webhooks == null ? "" : " and receiving signed webhooks");
        }
        SubmissionDriver submissions = new SubmissionDriver(http,
                options.direct() == null ? null : new LeanHttp(options.direct()), tokens, options.rate());
        submissions.expect(warmupPlan);
        submissions.expect(plan);

        EventObserver events = new EventObserver(options.bootstrap(), over);
        // positioned at the end of the topic before anything is sent: it sees every event of the run, and only them
        Thread consumer = Thread.ofPlatform().name("events").start(events::consume);
        Thread.sleep(3000);
        List<Thread> workers = new ArrayList<>(relays.start());
        HostsAndFamilies hosts = new HostsAndFamilies(http, tokens, actions, over, world, submissions,
                events.forwarded(), options);
        workers.addAll(hosts.start(4));

        int warmupCreated = warmUp(warmupPlan, options.warmupPupils(), submissions, events);
        CpuSample cpuBefore = CpuSample.now();
        java.time.Instant campaignStart = java.time.Instant.now();
        long start = System.nanoTime();
        submissions.startTimeline();
        submissions.fire(plan);
        CpuSample cpuAfter = CpuSample.now();
        double elapsed = (submissions.lastAnswered() - start) / 1e9;
        int created = submissions.created();

        drain(db, events);
        if (feeds != null) {
            awaitRelays(submissions.measuredCreated(), feeds.arrivals(), webhooks);
        }
        over.set(true);
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        }
        consumer.join(TimeUnit.SECONDS.toMillis(30));
        for (Thread feedConsumer : feedConsumers) {
            feedConsumer.join(TimeUnit.SECONDS.toMillis(30));
        }
        if (webhooks != null) {
            webhooks.stop();
        }
        double triageSeconds = (System.nanoTime() - start) / 1e9;

        System.out.println();
        Report.submissions(submissions, plan.size(), options.rate(), created, elapsed, start);
        Report.actors(relays, triageSeconds, actions);
        Report.eventDelays(events);
        Report.cpu(cpuBefore, cpuAfter, elapsed);
        Report.cpuPerCandidacy(cpuBefore, cpuAfter, created);
        if (feeds != null) {
            Report.relayChannels(submissions.measuredCreated(), isolation, feeds.arrivals(), webhooks);
        }
        if (options.mail()) {
            Mailboxes.report(db, options.mailApi(), campaignStart, elapsed);
        }
        ConsistencyChecks.print(db, events, created + warmupCreated);
    }

    /** Publishes the world and waits for the service's read models, signing the pupils' tokens meanwhile. */
    private static void seed(CampaignOptions options, World world, Tokens tokens, Database db) throws Exception {
        new TopicSeeder(options.bootstrap()).seed(world, options.offersTopic(), options.schoolsTopic());
        ExecutorService signers = Executors.newFixedThreadPool(2);
        for (World.Pupil pupil : world.pupils()) {
            signers.submit(() -> tokens.pupil(pupil));
        }
        TopicSeeder.awaitReadModels(db, world);
        signers.shutdown();
        signers.awaitTermination(10, TimeUnit.MINUTES);
    }

    /**
     * Warms the service's JIT with the warm-up's own pupils, then forgets the latencies, answers and delays; its
     * candidacies stay in the database, so the number created is returned for the checks.
     */
    private static int warmUp(List<World.Candidacy> warmupPlan, int warmupPupils, SubmissionDriver submissions,
                              EventObserver events) throws InterruptedException {
        if (warmupPlan.isEmpty()) {
            return 0;
        }
        long warm = System.nanoTime();
        submissions.fire(warmupPlan);
        System.out.printf("warm-up (JIT): %d candidacies of %d other pupils in %.1f s, not counted%n",
                warmupPlan.size(), warmupPupils, (System.nanoTime() - warm) / 1e9);
        Thread.sleep(5000);
        int created = submissions.created();
        submissions.forgetFigures();
        events.forgetDelays();
        return created;
    }

    /** Waits until every measured submission reached its relay by each channel (2 minutes at the most). */
    private static void awaitRelays(java.util.Collection<java.util.UUID> measured, RelayArrivals feed,
                                    WebhookReceiver webhooks) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < TimeUnit.MINUTES.toNanos(2)) {
            if (feed.missing(measured) == 0 && (webhooks == null || webhooks.arrivals().missing(measured) == 0)) {
                return;
            }
            Thread.sleep(500);
        }
    }

    /** Lets the relays and hosts finish, the outbox drain and the consumer catch up (5 minutes at the most). */
    private static void drain(Database db, EventObserver events) throws Exception {
        long drainStart = System.nanoTime();
        while (System.nanoTime() - drainStart < TimeUnit.MINUTES.toNanos(5)) {
            long pending = db.scalar(Database.UNPUBLISHED_EVENTS);
            long queued = db.scalar(
                    "SELECT count(*) FROM application WHERE state = 'SUBMITTED' AND relay_id IS NOT NULL");
            long outbox = db.scalar(Database.APPLICATION_EVENTS);
            if (pending == 0 && queued == 0 && events.forwarded().isEmpty() && events.receivedCount() >= outbox) {
                break;
            }
            Thread.sleep(500);
        }
        Thread.sleep(2000);
    }
}
