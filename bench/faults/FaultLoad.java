import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The steady campaign load of the fault-injection suite (bench/faults/run.sh, docs/RELIABILITY.md), made of the
 * campaign benchmark's parts (bench/applications: World, TopicSeeder, SubmissionDriver, RelayAgents,
 * HostsAndFamilies, EventObserver, ConsistencyChecks): pupils submit at a fixed rate through the gateway, relays
 * triage, hosts accept, families confirm, while run.sh breaks a dependency and writes down when (the marks file).
 * Afterwards, counted from the databases and the topic: answers by status, candidacies and transitions written against
 * those acknowledged, events in the outbox against those on the topic (duplicates by event id) and those the other
 * services consumed (processed_event), overbooked weeks, and the time from each dependency's return until the
 * platform answered and published normally again. Last line: FAULTS ..., the one to grep.
 *
 *   java -cp CP FaultLoad key=value...  (base, second, bootstrap, offersTopic, schoolsTopic, db, offersDb, schoolsDb,
 *                                        key, dir, offers, schools, pupils, rate, seconds, accept, confirm)
 */
public class FaultLoad {

    /** A poll of the backlogs, once a second: epoch ms; -1 where the database did not answer. */
    record Backlog(long at, long pending, long outbox, long offersConsumed, long schoolsConsumed) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            o.put(kv[0], kv[1]);
        }
        int rate = Integer.parseInt(o.getOrDefault("rate", "40"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "150"));
        Path dir = Path.of(o.get("dir"));
        Tokens tokens = Tokens.signingWith(Path.of(o.get("key")));
        LeanHttp http = new LeanHttp(o.get("base"));
        LeanHttp second = o.containsKey("second") ? new LeanHttp(o.get("second")) : null;
        Database db = new Database(o.get("db"));
        Database offersDb = new Database(o.get("offersDb"));
        Database schoolsDb = new Database(o.get("schoolsDb"));

        World world = World.build(Integer.parseInt(o.getOrDefault("offers", "1000")),
                Integer.parseInt(o.getOrDefault("schools", "100")), Integer.parseInt(o.getOrDefault("pupils", "3000")), 0);
        List<World.Candidacy> plan = world.plan(world.campaignPupils(), rate * seconds);
        new TopicSeeder(o.get("bootstrap")).seed(world, o.get("offersTopic"), o.get("schoolsTopic"));
        for (World.Pupil pupil : world.pupils()) {
            tokens.pupil(pupil);
        }
        TopicSeeder.awaitReadModels(db, world);
        System.out.printf("world: %d offers (%d seats over %d offer-weeks), %d schools, %d pupils; plan: %d candidacies"
                + " at %d/s%n", world.offers().size(), world.seats(), world.offerWeeks(), world.schools().size(),
                world.campaignPupils().size(), plan.size(), rate);

        AtomicBoolean over = new AtomicBoolean(false);
        Tally<String> actions = new Tally<>();
        RelayAgents relays = new RelayAgents(http, tokens, actions, over);
        relays.register(0);
        // with a second gateway (the twins), every other submission goes through it
        SubmissionDriver submissions = new SubmissionDriver(http, second, tokens, rate);
        submissions.expect(plan);
        EventObserver events = new EventObserver(o.get("bootstrap"), over);
        Thread consumer = Thread.ofPlatform().name("events").start(events::consume);
        Thread.sleep(3000);
        List<Thread> workers = new ArrayList<>(relays.start());
        CampaignOptions shares = CampaignOptions.parse(new String[] {"run", "key=" + o.get("key"),
                "accept=" + o.getOrDefault("accept", "0.5"), "confirm=" + o.getOrDefault("confirm", "0.5")});
        workers.addAll(new HostsAndFamilies(http, tokens, actions, over, world, submissions, events.forwarded(),
                shares).start(4));
        ConcurrentLinkedQueue<Backlog> backlogs = new ConcurrentLinkedQueue<>();
        AtomicBoolean polling = new AtomicBoolean(true);
        Thread poller = Thread.ofPlatform().name("backlog").start(() -> poll(db, offersDb, schoolsDb, backlogs, polling));

        long startNanos = System.nanoTime();
        long startEpoch = System.currentTimeMillis();
        submissions.startTimeline();
        // run.sh waits for this file before it breaks anything
        Files.writeString(dir.resolve("loading"), startEpoch + "\n");
        submissions.fire(plan);
        long endEpoch = System.currentTimeMillis();
        System.out.printf("load: %d submissions in %.1f s%n", plan.size(), (endEpoch - startEpoch) / 1e3);

        drain(db, offersDb, schoolsDb, events);
        over.set(true);
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        }
        consumer.join(TimeUnit.SECONDS.toMillis(30));
        polling.set(false);
        poller.join();

        FaultReport report = new FaultReport(startNanos, startEpoch, submissions, actions, backlogs, rate);
        report.marks(Files.readAllLines(dir.resolve("marks")));
        report.print();
        System.out.println();
        ConsistencyChecks.print(db, events, submissions.created());
        Set<String> acknowledged = new HashSet<>();
        submissions.createdIds().forEach(id -> acknowledged.add(id.toString()));
        Set<String> written = db.strings("SELECT id::text FROM application");
        long lost = acknowledged.stream().filter(id -> !written.contains(id)).count();
        long unacknowledged = written.stream().filter(id -> !acknowledged.contains(id)).count();
        long duplicateCandidacies = db.scalar("SELECT count(*) FROM (SELECT 1 FROM application "
                + "GROUP BY pupil_id, offer_id, week HAVING count(*) > 1) d");
        long duplicateTransitions = db.scalar("SELECT count(*) FROM (SELECT 1 FROM application_transition "
                + "GROUP BY application_id, from_state, to_state HAVING count(*) > 1) d");
        long outbox = db.scalar(Database.APPLICATION_EVENTS);
        long offersMissing = missing(db, offersDb, "offers");
        long schoolsMissing = missing(db, schoolsDb, "schools");
        System.out.printf("  candidacies: %d acknowledged (201), %d written; acknowledged but not written: %d; written "
                + "without a 201 (answer lost or 5xx after commit): %d; duplicated (pupil, offer, week): %d; "
                + "transitions repeated (same application, from and to state): %d%n", acknowledged.size(),
                written.size(), lost, unacknowledged, duplicateCandidacies, duplicateTransitions);
        System.out.printf("  consumed by the other services (processed_event): offers-service %s, schools-service %s;"
                + " application events not consumed: offers %d, schools %d (of %d)%n",
                offersDb.counts("SELECT consumer, count(*) FROM processed_event GROUP BY consumer"),
                schoolsDb.counts("SELECT consumer, count(*) FROM processed_event GROUP BY consumer"), offersMissing,
                schoolsMissing, outbox);
        long overbooked = db.scalar("SELECT count(*) FROM seat_ledger WHERE held + consumed > capacity");
        int errors = submissions.statuses().get(500) + report.actionStatus(actions, 500);
        System.out.printf("FAULTS statuses=%s actions=%s lostCandidacies=%d duplicateCandidacies=%d "
                + "duplicateTransitions=%d lostEvents=%d topicDuplicates=%d notConsumedOffers=%d notConsumedSchools=%d "
                + "overbooked=%d http500=%d recovery=%s%n", submissions.statuses().sorted(), actions.sorted(), lost,
                duplicateCandidacies, duplicateTransitions,
                db.strings("SELECT id::text FROM outbox_event WHERE topic = '" + EventObserver.TOPIC + "'").stream()
                        .filter(id -> !events.received(id)).count(),
                events.duplicates(), offersMissing, schoolsMissing, overbooked, errors, report.recoverySummary());
    }

    /** Application events (by id) that the consumer of database {@code other} never recorded as processed. */
    private static long missing(Database db, Database other, String name) throws Exception {
        Set<String> processed = other.strings("SELECT event_id FROM processed_event");
        return db.strings("SELECT id::text FROM outbox_event WHERE topic = '" + EventObserver.TOPIC + "'").stream()
                .filter(id -> !processed.contains(id)).count();
    }

    private static void poll(Database db, Database offersDb, Database schoolsDb, ConcurrentLinkedQueue<Backlog> backlogs,
                             AtomicBoolean polling) {
        while (polling.get()) {
            long at = System.currentTimeMillis();
            backlogs.add(new Backlog(at, scalar(db, Database.UNPUBLISHED_EVENTS), scalar(db, Database.APPLICATION_EVENTS),
                    scalar(offersDb, "SELECT count(*) FROM processed_event"),
                    scalar(schoolsDb, "SELECT count(*) FROM processed_event")));
            try {
                Thread.sleep(Math.max(0, 1000 - (System.currentTimeMillis() - at)));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long scalar(Database db, String sql) {
        try {
            return db.scalar(sql);
        } catch (Exception e) {
            return -1;
        }
    }

    /**
     * Until the outbox is empty, the relays' queues are triaged, the topic's consumer has every event and the other
     * services have processed them; or until nothing moved for 30 s (5 minutes at the most: a fault may have left a
     * backlog).
     */
    private static void drain(Database db, Database offersDb, Database schoolsDb, EventObserver events)
            throws InterruptedException {
        long start = System.nanoTime();
        long lastMove = start;
        List<Long> last = List.of();
        while (System.nanoTime() - start < TimeUnit.MINUTES.toNanos(5)
                && System.nanoTime() - lastMove < TimeUnit.SECONDS.toNanos(30)) {
            long outbox = scalar(db, Database.APPLICATION_EVENTS);
            List<Long> now = List.of(outbox, scalar(db, Database.UNPUBLISHED_EVENTS),
                    scalar(db, "SELECT count(*) FROM application WHERE state = 'SUBMITTED' AND relay_id IS NOT NULL"),
                    (long) events.forwarded().size(), (long) events.receivedCount(),
                    scalar(offersDb, "SELECT count(*) FROM processed_event"),
                    scalar(schoolsDb, "SELECT count(*) FROM processed_event"));
            if (now.get(1) == 0 && now.get(2) == 0 && now.get(3) == 0 && now.get(4) >= outbox && now.get(5) >= outbox
                    && now.get(6) >= outbox) {
                break;
            }
            if (!now.equals(last)) {
                lastMove = System.nanoTime();
                last = now;
            }
            Thread.sleep(500);
        }
        System.out.printf("drained in %.1f s after the last answer%n", (System.nanoTime() - start) / 1e9);
        Thread.sleep(2000);
    }
}
