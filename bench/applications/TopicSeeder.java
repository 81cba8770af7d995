import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Seeds the world the way production does: the schools, the pupils and the offers are published as the events of
 * schools-service and offers-service, on per-run topics the service under test is pointed at; then waits until its
 * read models hold them all.
 */
final class TopicSeeder {

    private final String bootstrap;

    TopicSeeder(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** {@code CampaignLoad topics}: the run's seeding topics and the applications' topic, where missing. */
    static void createTopics(String bootstrap, List<String> topics) throws Exception {
        try (Admin admin = Admin.create(BenchKafka.config(bootstrap))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : List.of(EventObserver.TOPIC, topics.get(0), topics.get(1))) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, 6, (short) 1));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        }
    }

    void seed(World world, String offersTopic, String schoolsTopic) throws Exception {
        Map<String, Object> producerConfig = BenchKafka.config(bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                new StringSerializer())) {
            Instant now = Instant.now();
            for (World.School school : world.schools()) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("uai", school.uai());
                payload.put("name", "Collège " + school.uai());
                payload.put("department", school.department());
                payload.put("priority", school.priority());
                payload.put("declaredWeeks", school.declaredWeeks());
                payload.put("occurredAt", now.toString());
                send(producer, schoolsTopic, school.uai(), "school.registered", "schools/" + school.uai(), payload,
                        now);
            }
            for (World.Pupil pupil : world.pupils()) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("pupilId", pupil.id().toString());
                payload.put("uai", pupil.school().uai());
                payload.put("priority", pupil.school().priority());
                payload.put("classId", pupil.classId());
                payload.put("schoolYear", "2027-2028");
                payload.put("occurredAt", now.toString());
                send(producer, schoolsTopic, pupil.school().uai(), "pupil.enrolled", "pupils/" + pupil.id(), payload,
                        now);
            }
            for (World.Offer offer : world.offers()) {
                send(producer, offersTopic, offer.id().toString(), "offer.published", "offers/" + offer.id(),
                        published(offer, now), now);
            }
            producer.flush();
        }
    }

    private static Map<String, Object> published(World.Offer offer, Instant now) {
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
        return payload;
    }

    /** One CloudEvent in Kafka's binary mode, as the services' outboxes publish them. */
    private static void send(KafkaProducer<String, String> producer, String topic, String key, String type,
                             String subject, Map<String, Object> payload, Instant time) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key,
                CampaignLoad.JSON.writeValueAsString(payload));
        for (String[] h : new String[][] {{"ce_specversion", "1.0"}, {"ce_id", UUID.randomUUID().toString()},
                {"ce_source", "/tremplin/bench"}, {"ce_type", type}, {"ce_time", time.toString()},
                {"ce_subject", subject}, {"content-type", "application/json"},
                {"ce_datacontenttype", "application/json"}}) {
            record.headers().add(new RecordHeader(h[0], h[1].getBytes(StandardCharsets.UTF_8)));
        }
        producer.send(record);
    }

    /** Until applications-service's read models hold the whole world (10 minutes at the most). */
    static void awaitReadModels(Database db, World world) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            long o = db.scalar("SELECT count(*) FROM offer_view");
            long s = db.scalar("SELECT count(*) FROM school_view");
            long p = db.scalar("SELECT count(*) FROM pupil_view");
            if (o == world.offers().size() && s == world.schools().size() && p == world.pupils().size()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the read models did not fill in 10 minutes");
    }
}
