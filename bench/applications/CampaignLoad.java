import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The campaign-opening load generator (docs/BENCHMARKS.md, "Campaign opening"), run as a separate process:
 *
 *   java -cp CP CampaignLoad.java topics  BOOTSTRAP OFFERS_TOPIC SCHOOLS_TOPIC
 *   java -cp CP CampaignLoad.java run     key=value...   (see main)
 *
 * 1. Seeds the world the way production does: 5,000 offers, the schools and 20,000 pupils are published as events
 *    on the offers' and schools' topics; waits until applications-service's read models have them.
 * 2. Registers relays (admin REST) for half of the départements.
 * 3. 20,000 pupils submit 50,000 candidacies (POST /api/v1/applications, pupil tokens) at a fixed rate (open loop:
 *    latency is measured from the moment a request was due, so queueing cannot hide), while
 *      - one agent per relay works its queue by REST (claim, then forward or reject),
 *      - hosts accept some forwarded candidacies and pupils confirm some accepted ones (seats held, consumed,
 *        other candidacies cancelled),
 *      - a plain Kafka consumer reads tremplin.applications.v1 and measures the delay from each submission
 *        (payload occurredAt) to the event being readable.
 * 4. Checks: the seat ledger against the candidacies (zero overbooking), every transition's event on the topic
 *    (zero lost), nothing left in the outbox; prints the figures.
 */
public class CampaignLoad {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> DEPARTMENTS = List.of("59", "62", "80", "02", "60", "76", "27", "14", "50", "61",
            "35", "22", "29", "56", "44", "49", "53", "72", "85", "37");
    static final int RELAYED_DEPARTMENTS = 10;
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        if (args[0].equals("topics")) {
            createTopics(args[1], List.of(args[2], args[3]));
            return;
        }
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            o.put(kv[0], kv[1]);
        }
        new CampaignLoad(o).run();
    }

    // ------------------------------------------------------------------ configuration

    final String base;
    final String bootstrap;
    final String offersTopic;
    final String schoolsTopic;
    final String dbUrl;
    final int nOffers;
    final int nSchools;
    final int nPupils;
    final int nCandidacies;
    final int rate;
    final double acceptShare;
    final double confirmShare;
    final int warmup;
    final PrivateKey key;
    final Random random = new Random(20270131L);
    LeanHttp http;

    CampaignLoad(Map<String, String> o) throws Exception {
        base = o.getOrDefault("base", "http://127.0.0.1:18083");
        http = new LeanHttp(base);
        bootstrap = o.getOrDefault("bootstrap", "127.0.0.1:9092");
        offersTopic = o.get("offersTopic");
        schoolsTopic = o.get("schoolsTopic");
        dbUrl = o.get("db");
        nOffers = Integer.parseInt(o.getOrDefault("offers", "5000"));
        nSchools = Integer.parseInt(o.getOrDefault("schools", "400"));
        nPupils = Integer.parseInt(o.getOrDefault("pupils", "20000"));
        nCandidacies = Integer.parseInt(o.getOrDefault("candidacies", "50000"));
        rate = Integer.parseInt(o.getOrDefault("rate", "350"));
        acceptShare = Double.parseDouble(o.getOrDefault("accept", "0.15"));
        confirmShare = Double.parseDouble(o.getOrDefault("confirm", "0.5"));
        warmup = Integer.parseInt(o.getOrDefault("warmup", "3000"));
        String pem = Files.readString(Path.of(o.get("key"))).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    // ------------------------------------------------------------------ the world

    record Offer(UUID id, UUID organisationId, String department, List<String> weeks, int capacity,
                 String reservation, String reservedSchool) {
    }

    record School(String uai, String department, String priority, List<String> declaredWeeks) {
    }

    record Pupil(UUID id, School school, String classId) {
    }

    record Candidacy(Pupil pupil, Offer offer, String week) {
    }

    final List<Offer> offers = new ArrayList<>();
    final List<School> schools = new ArrayList<>();
    final List<Pupil> pupils = new ArrayList<>();
    final Map<UUID, Offer> offerById = new HashMap<>();
    final Map<UUID, String> pupilTokens = new ConcurrentHashMap<>();
    final Map<UUID, String> hostTokens = new ConcurrentHashMap<>();

    static String week(int n) {
        return String.format("2028-W%02d", n);
    }

    void buildWorld() {
        for (int i = 0; i < nSchools; i++) {
            String department = DEPARTMENTS.get(i % DEPARTMENTS.size());
            double p = random.nextDouble();
            String priority = p < 0.45 ? "REP_PLUS" : p < 0.90 ? "REP" : "NONE";
            List<String> declared = random.nextDouble() < 0.3 ? List.of(week(5), week(6), week(7), week(8), week(9),
                    week(10), week(11), week(12)) : List.of();
            schools.add(new School(String.format("%07d%c", 1_000_000 + i, (char) ('A' + i % 26)), department,
                    priority, declared));
        }
        for (int i = 0; i < nOffers; i++) {
            int first = 5 + random.nextInt(10);
            List<String> weeks = List.of(week(first), week(first + 1), week(first + 2));
            double r = random.nextDouble();
            String reservation = r < 0.75 ? "NONE" : r < 0.95 ? "REP" : "SCHOOL";
            String reservedSchool = reservation.equals("SCHOOL") ? schools.get(random.nextInt(nSchools)).uai() : null;
            Offer offer = new Offer(UUID.randomUUID(), UUID.randomUUID(), DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size())),
                    weeks, 1 + random.nextInt(4), reservation, reservedSchool);
            offers.add(offer);
            offerById.put(offer.id(), offer);
        }
        for (int i = 0; i < nPupils + warmupPupils(); i++) {
            pupils.add(new Pupil(UUID.randomUUID(), schools.get(random.nextInt(nSchools)), "3" + (char) ('A' + random.nextInt(5))));
        }
    }

    int warmupPupils() {
        return (warmup + 2) / 3;
    }

    /**
     * 2 or 3 candidacies per pupil (50,000 for 20,000 pupils), each one the rules admit; grouped by pupil. The JIT's
     * warm-up uses other pupils than the measured campaign's.
     */
    List<Candidacy> plan(List<Pupil> who, int count) {
        List<List<Candidacy>> perPupil = new ArrayList<>();
        int remaining = count;
        for (int i = 0; i < who.size(); i++) {
            Pupil pupil = who.get(i);
            int left = who.size() - i;
            int k = Math.min(5, (int) Math.round((double) remaining / left));
            k = Math.max(1, k);
            Set<String> chosen = new HashSet<>();
            List<Candidacy> mine = new ArrayList<>();
            for (int attempt = 0; mine.size() < k && attempt < 500; attempt++) {
                Offer offer = offers.get(random.nextInt(offers.size()));
                if (offer.reservation().equals("REP") && pupil.school().priority().equals("NONE")) {
                    continue;
                }
                if (offer.reservation().equals("SCHOOL") && !pupil.school().uai().equals(offer.reservedSchool())) {
                    continue;
                }
                List<String> weeks = new ArrayList<>(offer.weeks());
                if (!pupil.school().declaredWeeks().isEmpty()) {
                    weeks.retainAll(pupil.school().declaredWeeks());
                }
                if (weeks.isEmpty()) {
                    continue;
                }
                String week = weeks.get(random.nextInt(weeks.size()));
                if (chosen.add(offer.id() + week)) {
                    mine.add(new Candidacy(pupil, offer, week));
                }
            }
            remaining -= mine.size();
            perPupil.add(mine);
        }
        Collections.shuffle(perPupil, random);
        List<Candidacy> plan = new ArrayList<>();
        perPupil.forEach(plan::addAll);
        return plan;
    }

    // ------------------------------------------------------------------ seeding through the topics

    void seed() throws Exception {
        Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                new StringSerializer())) {
            Instant now = Instant.now();
            for (School school : schools) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("uai", school.uai());
                payload.put("name", "Collège " + school.uai());
                payload.put("department", school.department());
                payload.put("priority", school.priority());
                payload.put("declaredWeeks", school.declaredWeeks());
                payload.put("occurredAt", now.toString());
                send(producer, schoolsTopic, school.uai(), "school.registered", "schools/" + school.uai(), payload, now);
            }
            for (Pupil pupil : pupils) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("pupilId", pupil.id().toString());
                payload.put("uai", pupil.school().uai());
                payload.put("priority", pupil.school().priority());
                payload.put("classId", pupil.classId());
                payload.put("schoolYear", "2027-2028");
                payload.put("occurredAt", now.toString());
                send(producer, schoolsTopic, pupil.school().uai(), "pupil.enrolled", "pupils/" + pupil.id(), payload, now);
            }
            for (Offer offer : offers) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("offerId", offer.id().toString());
                payload.put("title", "Offre " + offer.id().toString().substring(0, 8));
                payload.put("status", "PUBLISHED");
                payload.put("organisationId", offer.organisationId().toString());
                payload.put("organisationName", "Organisation " + offer.organisationId().toString().substring(0, 8));
                payload.put("ministryCode", null);
                payload.put("department", offer.department());
                payload.put("city", "Ville");
                payload.put("schoolYear", "2027-2028");
                payload.put("weeks", offer.weeks().stream().map(w -> Map.of("week", w, "startsOn",
                        LocalDate.parse(w + "-1", DateTimeFormatter.ISO_WEEK_DATE).toString())).toList());
                payload.put("capacityPerWeek", offer.capacity());
                payload.put("reservation", offer.reservation());
                payload.put("reservedSchoolUai", offer.reservedSchool());
                payload.put("version", 1);
                payload.put("occurredAt", now.toString());
                send(producer, offersTopic, offer.id().toString(), "offer.published", "offers/" + offer.id(), payload, now);
            }
            producer.flush();
        }
    }

    static void send(KafkaProducer<String, String> producer, String topic, String key, String type, String subject,
                     Map<String, Object> payload, Instant time) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, JSON.writeValueAsString(payload));
        for (String[] h : new String[][] {{"ce_specversion", "1.0"}, {"ce_id", UUID.randomUUID().toString()},
                {"ce_source", "/tremplin/bench"}, {"ce_type", type}, {"ce_time", time.toString()},
                {"ce_subject", subject}, {"content-type", "application/json"}, {"ce_datacontenttype", "application/json"}}) {
            record.headers().add(new RecordHeader(h[0], h[1].getBytes(StandardCharsets.UTF_8)));
        }
        producer.send(record);
    }

    long scalar(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl, "applications", "applications");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void awaitReadModels() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            long o = scalar("SELECT count(*) FROM offer_view");
            long s = scalar("SELECT count(*) FROM school_view");
            long p = scalar("SELECT count(*) FROM pupil_view");
            if (o == nOffers && s == nSchools && p == pupils.size()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the read models did not fill in 10 minutes");
    }

    // ------------------------------------------------------------------ tokens (RS256, as the identity provider)

    String token(String sub, List<String> groups, Map<String, Object> claims) {
        try {
            long now = Instant.now().getEpochSecond();
            Map<String, Object> body = new LinkedHashMap<>(claims);
            body.put("iss", "tremplin");
            body.put("sub", sub);
            body.put("upn", sub);
            body.put("groups", groups);
            body.put("iat", now);
            body.put("exp", now + 6 * 3600);
            String header = b64(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
            String payload = b64(JSON.writeValueAsBytes(body));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return "Bearer " + header + "." + payload + "." + b64(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String pupilToken(Pupil pupil) {
        return pupilTokens.computeIfAbsent(pupil.id(), id -> token(id.toString(), List.of("pupil"),
                Map.of("school", pupil.school().uai())));
    }

    String hostToken(Offer offer) {
        return hostTokens.computeIfAbsent(offer.organisationId(), id -> token("host-" + id, List.of("host"),
                Map.of("organisation", id.toString())));
    }

    // ------------------------------------------------------------------ HTTP

    LeanHttp.Answer call(String method, String path, String bearer, String body) {
        return http.call(method, path, bearer, body);
    }

    // ------------------------------------------------------------------ the run

    final ConcurrentLinkedQueue<Long> submitLatencies = new ConcurrentLinkedQueue<>();
    volatile ConcurrentLinkedQueue<long[]> timeline;
    final ConcurrentLinkedQueue<Long> eventDelays = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Long> relayEventDelays = new ConcurrentLinkedQueue<>();
    final Map<Integer, AtomicInteger> submitStatuses = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> actionStatuses = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> receivedTypes = new ConcurrentHashMap<>();
    final Set<String> receivedIds = ConcurrentHashMap.newKeySet();
    final AtomicLong duplicates = new AtomicLong();
    final Map<UUID, Pupil> applicationPupil = new ConcurrentHashMap<>();
    final Map<UUID, AtomicInteger> pendingPerPupil = new ConcurrentHashMap<>();
    final Set<UUID> placedPupils = ConcurrentHashMap.newKeySet();
    final LinkedBlockingQueue<UUID[]> forwarded = new LinkedBlockingQueue<>();
    final AtomicBoolean submitting = new AtomicBoolean(true);
    final AtomicBoolean stop = new AtomicBoolean(false);
    final AtomicLong lastAnswered = new AtomicLong();
    int warmupCreated;

    void run() throws Exception {
        long t0 = System.nanoTime();
        buildWorld();
        List<Candidacy> warmupPlan = plan(pupils.subList(nPupils, pupils.size()), warmup);
        List<Candidacy> plan = plan(pupils.subList(0, nPupils), nCandidacies);
        System.out.printf("world: %d offers (%d seats over %d offer-weeks), %d schools, %d pupils; plan: %d candidacies%n",
                offers.size(), offers.stream().mapToInt(o -> o.capacity() * o.weeks().size()).sum(), offers.size() * 3,
                schools.size(), nPupils, plan.size());

        seed();
        // sign the pupils' tokens while the service reads the topics
        ExecutorService signers = Executors.newFixedThreadPool(2);
        for (Pupil pupil : pupils) {
            signers.submit(() -> pupilToken(pupil));
        }
        awaitReadModels();
        signers.shutdown();
        signers.awaitTermination(10, TimeUnit.MINUTES);
        System.out.printf("seeded through the topics and read models filled in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        String admin = token("bench-admin", List.of("admin"), Map.of());
        List<String> relays = new ArrayList<>();
        for (int r = 0; r < RELAYED_DEPARTMENTS / 2; r++) {
            String relayId = "bench-relay-" + r;
            String body = JSON.writeValueAsString(Map.of("name", "Relais " + r, "departments",
                    List.of(DEPARTMENTS.get(2 * r), DEPARTMENTS.get(2 * r + 1))));
            LeanHttp.Answer answer = call("PUT", "/api/v1/relays/" + relayId, admin, body);
            if (answer.status() / 100 != 2) {
                throw new IllegalStateException("relay registration: " + answer);
            }
            relays.add(relayId);
        }
        for (Candidacy c : warmupPlan) {
            pendingPerPupil.computeIfAbsent(c.pupil().id(), id -> new AtomicInteger()).incrementAndGet();
        }
        for (Candidacy c : plan) {
            pendingPerPupil.computeIfAbsent(c.pupil().id(), id -> new AtomicInteger()).incrementAndGet();
        }

        // the consumer a relay (or schools-service) would run: positioned at the end before anything is sent
        Thread consumer = Thread.ofPlatform().name("events").start(this::consume);
        Thread.sleep(3000);
        List<Thread> workers = new ArrayList<>();
        AtomicInteger triaged = new AtomicInteger();
        for (String relayId : relays) {
            String agent = token("agent-" + relayId, List.of("relay"), Map.of("relay", relayId));
            workers.add(Thread.ofVirtual().start(() -> relayAgent(relayId, agent, triaged)));
        }
        for (int i = 0; i < 4; i++) {
            workers.add(Thread.ofVirtual().start(this::hostsAndFamilies));
        }

        if (!warmupPlan.isEmpty()) {
            long warm = System.nanoTime();
            fire(warmupPlan);
            System.out.printf("warm-up (JIT): %d candidacies of %d other pupils in %.1f s, not counted%n",
                    warmupPlan.size(), warmupPupils(), (System.nanoTime() - warm) / 1e9);
            Thread.sleep(5000);
            warmupCreated = submitStatuses.getOrDefault(201, new AtomicInteger()).get();
            submitLatencies.clear();
            eventDelays.clear();
            relayEventDelays.clear();
            submitStatuses.clear();
        }
        Map<String, Double> cpuBefore = cpu();
        long start = System.nanoTime();
        timeline = new ConcurrentLinkedQueue<>();
        fire(plan);
        submitting.set(false);
        Map<String, Double> cpuAfter = cpu();
        double elapsed = (lastAnswered.get() - start) / 1e9;
        int created = submitStatuses.getOrDefault(201, new AtomicInteger()).get();

        // let the relays and hosts finish, the outbox drain, the consumer catch up
        long drainStart = System.nanoTime();
        while (System.nanoTime() - drainStart < TimeUnit.MINUTES.toNanos(5)) {
            long pending = scalar("SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
            long queued = scalar("SELECT count(*) FROM application WHERE state = 'SUBMITTED' AND relay_id IS NOT NULL");
            long outbox = scalar("SELECT count(*) FROM outbox_event WHERE topic = 'tremplin.applications.v1'");
            if (pending == 0 && queued == 0 && forwarded.isEmpty() && receivedIds.size() >= outbox) {
                break;
            }
            Thread.sleep(500);
        }
        Thread.sleep(2000);
        stop.set(true);
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        }
        consumer.join(TimeUnit.SECONDS.toMillis(30));
        double triageSeconds = (System.nanoTime() - start) / 1e9;

        // ---- figures
        long[] latency = sorted(submitLatencies);
        long[] delays = sorted(eventDelays);
        long[] relayDelays = sorted(relayEventDelays);
        System.out.println();
        System.out.printf("submissions: %d sent at a target of %d/s; answers %s%n", plan.size(), rate, statuses(submitStatuses));
        System.out.printf("  sustained: %.1f candidacies/s created (%d in %.1f s, first request to last answer)%n",
                created / elapsed, created, elapsed);
        System.out.printf("  POST /api/v1/applications latency from due time: p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n",
                pct(latency, 50) / 1e6, pct(latency, 95) / 1e6, pct(latency, 99) / 1e6, max(latency) / 1e6);
        // the seconds with the slowest answers, to see whether the tail comes in bursts
        Map<Long, List<Long>> perSecond = new java.util.TreeMap<>();
        for (long[] point : timeline) {
            perSecond.computeIfAbsent((point[0] - start) / 1_000_000_000L, k -> new ArrayList<>()).add(point[1]);
        }
        StringBuilder worst = new StringBuilder();
        perSecond.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().stream().mapToLong(Long::longValue).max().orElse(0)))
                .sorted(Map.Entry.<Long, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> worst.append(String.format("s%d:%.0fms ", e.getKey(), e.getValue() / 1e6)));
        long slowSeconds = perSecond.values().stream().filter(l -> l.stream().anyMatch(v -> v > 100_000_000L)).count();
        System.out.printf("  seconds with an answer over 100 ms: %d of %d; slowest: %s%n", slowSeconds, perSecond.size(),
                worst.toString().strip());
        System.out.printf("relay agents (%d, by REST: claim then forward/reject) triaged %d candidacies, %.1f/s over the run%n",
                relays.size(), triaged.get(), triaged.get() / triageSeconds);
        System.out.printf("hosts and families: %s%n", actionStatuses);
        System.out.printf("event delay, submission (payload occurredAt) -> readable by a consumer of tremplin.applications.v1:%n");
        System.out.printf("  all application.submitted (n=%d): p50=%d ms p99=%d ms max=%d ms%n", delays.length,
                pct(delays, 50), pct(delays, 99), max(delays));
        System.out.printf("  those with a relay header (n=%d): p50=%d ms p99=%d ms max=%d ms%n", relayDelays.length,
                pct(relayDelays, 50), pct(relayDelays, 99), max(relayDelays));
        double measured = (lastAnswered.get() - start) / 1e9;
        StringBuilder cpu = new StringBuilder();
        double known = 0;
        for (String who : List.of("service", "postgres", "kafka", "load generator")) {
            double used = cpuAfter.get(who) - cpuBefore.get(who);
            known += used;
            cpu.append(String.format("%s %.0f%%  ", who, 100 * used / measured));
        }
        double machine = cpuAfter.get("machine") - cpuBefore.get("machine");
        // whatever else ran meanwhile (other builds on a shared machine), processes that came and went included
        cpu.append(String.format("everything else %.0f%%  machine %.0f%%", 100 * (machine - known) / measured,
                100 * machine / measured));
        System.out.printf("CPU while submitting (100%% = one core, %d cores): %s%n",
                Runtime.getRuntime().availableProcessors(), cpu.toString().strip());
        checks(created + warmupCreated);
    }

    /** Sends the plan at the fixed rate, each request from its own virtual thread, and waits for the answers. */
    void fire(List<Candidacy> plan) throws InterruptedException {
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            long due = System.nanoTime();
            for (Candidacy c : plan) {
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

    void submit(Candidacy c, long scheduled) {
        String body = "{\"offerId\":\"" + c.offer().id() + "\",\"week\":\"" + c.week()
                + "\",\"motivation\":\"J'aimerais découvrir ce métier pendant ma semaine de stage.\"}";
        LeanHttp.Answer answer = call("POST", "/api/v1/applications", pupilToken(c.pupil()), body);
        long now = System.nanoTime();
        submitLatencies.add(now - scheduled);
        if (timeline != null) {
            timeline.add(new long[] {scheduled, now - scheduled});
        }
        lastAnswered.accumulateAndGet(now, Math::max);
        submitStatuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
        if (answer.status() == 201) {
            Matcher id = ID.matcher(answer.body());
            if (id.find()) {
                applicationPupil.put(UUID.fromString(id.group(1)), c.pupil());
            }
        } else if (submitStatuses.get(answer.status()).get() <= 3) {
            System.out.println("  refused submission (" + answer.status() + "): " + answer.body());
        }
        pendingPerPupil.get(c.pupil().id()).decrementAndGet();
    }

    /** One agent of a relay: claims a batch, forwards 90 %, rejects 10 %, again until the campaign is over. */
    void relayAgent(String relayId, String bearer, AtomicInteger triaged) {
        while (!stop.get()) {
            LeanHttp.Answer claim = call("POST", "/api/v1/relays/" + relayId + "/queue/claim?size=50", bearer, null);
            List<String> ids = new ArrayList<>();
            if (claim.status() == 200) {
                try {
                    for (JsonNode item : JSON.readTree(claim.body()).get("items")) {
                        ids.add(item.get("id").asText());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            if (ids.isEmpty()) {
                sleep(200);
                continue;
            }
            for (String id : ids) {
                boolean reject = ThreadLocalRandom.current().nextDouble() < 0.1;
                LeanHttp.Answer decision = reject
                        ? call("POST", "/api/v1/applications/" + id + "/reject", bearer, "{\"reason\":\"hors de nos secteurs cette semaine\"}")
                        : call("POST", "/api/v1/applications/" + id + "/forward", bearer, null);
                actionStatuses.computeIfAbsent((reject ? "reject " : "forward ") + decision.status(),
                        s -> new AtomicInteger()).incrementAndGet();
                triaged.incrementAndGet();
            }
        }
    }

    /** Hosts accept some forwarded candidacies; the family confirms some accepted ones (once the pupil applied). */
    void hostsAndFamilies() {
        while (!stop.get()) {
            UUID[] next;
            try {
                next = forwarded.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (next == null) {
                continue;
            }
            UUID applicationId = next[0];
            Offer offer = offerById.get(next[1]);
            Pupil pupil = applicationPupil.get(applicationId);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            if (offer == null || pupil == null || random.nextDouble() >= acceptShare) {
                continue;
            }
            LeanHttp.Answer accept = call("POST", "/api/v1/applications/" + applicationId + "/accept", hostToken(offer), null);
            actionStatuses.computeIfAbsent("accept " + accept.status(), s -> new AtomicInteger()).incrementAndGet();
            if (accept.status() == 200 && random.nextDouble() < confirmShare
                    && pendingPerPupil.get(pupil.id()).get() == 0 && placedPupils.add(pupil.id())) {
                LeanHttp.Answer confirm = call("POST", "/api/v1/applications/" + applicationId + "/confirm", pupilToken(pupil), null);
                actionStatuses.computeIfAbsent("confirm " + confirm.status(), s -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    void consume() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("tremplin.applications.v1", Duration.ofSeconds(30))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (!stop.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.currentTimeMillis();
                    String id = header(record, "ce_id");
                    String type = header(record, "ce_type");
                    if (!"/tremplin/applications-service".equals(header(record, "ce_source"))) {
                        continue;
                    }
                    if (!receivedIds.add(id)) {
                        duplicates.incrementAndGet();
                        continue;
                    }
                    receivedTypes.computeIfAbsent(type, t -> new AtomicInteger()).incrementAndGet();
                    JsonNode payload = JSON.readTree(record.value());
                    if ("application.submitted".equals(type)) {
                        long delay = now - Instant.parse(payload.get("occurredAt").asText()).toEpochMilli();
                        eventDelays.add(delay);
                        if (header(record, "relay") != null) {
                            relayEventDelays.add(delay);
                        }
                    } else if ("application.forwarded".equals(type)) {
                        forwarded.add(new UUID[] {UUID.fromString(payload.get("applicationId").asText()),
                                UUID.fromString(payload.get("offerId").asText())});
                    }
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
        }
    }

    void checks(int created) throws Exception {
        System.out.println("checks:");
        long applications = scalar("SELECT count(*) FROM application");
        System.out.printf("  candidacies in the database: %d (201 answers, warm-up included: %d)%n", applications, created);
        long weeks = scalar("SELECT count(*) FROM seat_ledger");
        long overbooked = scalar("SELECT count(*) FROM seat_ledger WHERE held + consumed > capacity");
        long mismatched = scalar("SELECT count(*) FROM seat_ledger l LEFT JOIN (SELECT offer_id, week, "
                + "count(*) FILTER (WHERE state = 'ACCEPTED') AS held, "
                + "count(*) FILTER (WHERE state IN ('CONFIRMED', 'AGREEMENT_SIGNED', 'COMPLETED')) AS consumed "
                + "FROM application GROUP BY offer_id, week) a USING (offer_id, week) "
                + "WHERE l.held <> coalesce(a.held, 0) OR l.consumed <> coalesce(a.consumed, 0)");
        long held = scalar("SELECT coalesce(sum(held), 0) FROM seat_ledger");
        long consumed = scalar("SELECT coalesce(sum(consumed), 0) FROM seat_ledger");
        long full = scalar("SELECT count(*) FROM seat_ledger WHERE held + consumed = capacity");
        System.out.printf("  seat ledger: %d offer-weeks, %d held, %d consumed, %d full; overbooked weeks: %d; "
                + "weeks whose counts differ from their candidacies: %d%n", weeks, held, consumed, full, overbooked, mismatched);
        long transitions = scalar("SELECT count(*) FROM application_transition");
        long outbox = scalar("SELECT count(*) FROM outbox_event WHERE topic = 'tremplin.applications.v1'");
        long pending = scalar("SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
        Set<String> outboxIds = new HashSet<>();
        try (Connection c = DriverManager.getConnection(dbUrl, "applications", "applications");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM outbox_event WHERE topic = 'tremplin.applications.v1'")) {
            while (rs.next()) {
                outboxIds.add(rs.getString(1));
            }
        }
        long lost = outboxIds.stream().filter(id -> !receivedIds.contains(id)).count();
        System.out.printf("  events: %d transitions recorded, %d events in the outbox (%d still pending), %d received "
                + "by the consumer; lost: %d; redelivered duplicates: %d%n", transitions, outbox, pending,
                receivedIds.size(), lost, duplicates.get());
        System.out.printf("  received by type: %s%n", new java.util.TreeMap<>(receivedTypes));
        System.out.printf("  states: %s%n", states());
        System.out.printf("RESULT overbooked=%d ledgerMismatch=%d lostEvents=%d transitionsWithoutEvent=%d%n",
                overbooked, mismatched, lost, transitions - outbox);
    }

    String states() throws Exception {
        Map<String, Long> states = new java.util.TreeMap<>();
        try (Connection c = DriverManager.getConnection(dbUrl, "applications", "applications");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT state, count(*) FROM application GROUP BY state")) {
            while (rs.next()) {
                states.put(rs.getString(1), rs.getLong(2));
            }
        }
        return states.toString();
    }

    // ------------------------------------------------------------------ helpers

    final long servicePid = Long.parseLong(System.getProperty("servicePid", "0"));

    /** CPU seconds used so far, from /proc: the service, PostgreSQL, Kafka, this generator, the rest, the machine. */
    Map<String, Double> cpu() {
        Map<String, Double> seconds = new HashMap<>();
        for (String who : List.of("service", "postgres", "kafka", "load generator", "other", "machine")) {
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
                    String who = pid == servicePid ? "service" : pid == self ? "load generator"
                            : comm.equals("postgres") ? "postgres" : cmdline.contains("kafka.Kafka") ? "kafka" : "other";
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
        return seconds;
    }

    static void createTopics(String bootstrap, List<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : List.of("tremplin.applications.v1", topics.get(0), topics.get(1))) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, 6, (short) 1));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String statuses(Map<Integer, AtomicInteger> statuses) {
        return new java.util.TreeMap<>(statuses).toString();
    }

    static long[] sorted(ConcurrentLinkedQueue<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static long max(long[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
