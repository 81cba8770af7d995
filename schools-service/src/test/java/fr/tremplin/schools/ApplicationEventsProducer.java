package fr.tremplin.schools;

import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.testing.KafkaTestResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Publishes candidacy events as applications-service does: CloudEvents binary mode, keyed by application id. */
public final class ApplicationEventsProducer implements AutoCloseable {

    /** The week every test candidacy is for: week 5 of the current school year. */
    public static final String WEEK = (SchoolCalendar.startYear(SchoolFixtures.currentYear()) + 1) + "-W05";

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(),
            new StringSerializer(), new StringSerializer());

    /** As the broker's super user: this test plays applications-service, whose topic schools-service may not write. */
    private static Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(KafkaTestResource.adminConfig());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return config;
    }

    /** Sends a state of a candidacy; returns the event id. */
    public String send(String applicationId, String pupilId, String uai, String state, Instant time) {
        String eventId = UUID.randomUUID().toString();
        send(eventId, applicationId, pupilId, uai, state, time);
        return eventId;
    }

    /** Sends with a chosen event id: a redelivery is the same id again. */
    public void send(String eventId, String applicationId, String pupilId, String uai, String state, Instant time) {
        String payload = String.format("{\"applicationId\":\"%s\",\"offerId\":\"%s\",\"week\":\"%s\","
                        + "\"pupilId\":\"%s\",\"schoolUai\":\"%s\",\"schoolPriority\":\"REP_PLUS\",\"classId\":null,"
                        + "\"relayId\":\"face-nord\",\"department\":\"59\",\"ministryCode\":null,\"organisationId\":\"%s\","
                        + "\"state\":\"%s\",\"previousState\":null,\"reason\":null,\"actor\":\"host\",\"occurredAt\":\"%s\"}",
                applicationId, UUID.randomUUID(), WEEK, pupilId, uai, UUID.randomUUID(), state, time);
        sendRaw(eventId, "application." + state.toLowerCase(), applicationId, payload, time);
    }

    public void sendRaw(String eventId, String type, String key, String payload, Instant time) {
        ProducerRecord<String, String> record = new ProducerRecord<>("tremplin.applications.v1", key, payload);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_source", "/tremplin/applications-service");
        header(record, "ce_type", type);
        header(record, "ce_time", time.toString());
        header(record, "ce_subject", "applications/" + key);
        header(record, "content-type", "application/json");
        header(record, "ce_datacontenttype", "application/json");
        header(record, "relay", "face-nord");
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the test event", e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        producer.close();
    }
}
