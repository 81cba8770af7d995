import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A national campaign's history as CloudEvents, for the rebuild to replay:
 *   java -cp … CampaignEvents BOOTSTRAP OFFERS_TOPIC APPLICATIONS_TOPIC OFFERS CANDIDACIES COMPLETIONS
 * Each offer is published once (three weeks of 2026-2027, 1 to 4 seats, half public); each candidacy is submitted,
 * a quarter of them confirmed, COMPLETIONS of those completed. Sent as fast as the broker takes them (seeded Random,
 * so two runs send the same campaign). Prints how many events went to each topic.
 */
public class CampaignEvents {

    private static final String[] DEPARTMENTS = {"59", "62", "93", "13", "69", "2A", "2B", "974", "971", "75", "33", "67"};
    private static final String[] MINISTRIES = {"MENJ", "MINARM", "MI", "MJ", "MEF", "MC", "MASA", "MSA"};
    private static final String[] PRIORITIES = {"REP_PLUS", "REP", "REP", "NONE"};

    public static void main(String[] args) {
        String bootstrap = args[0];
        String offersTopic = args[1];
        String applicationsTopic = args[2];
        int offers = Integer.parseInt(args[3]);
        int candidacies = Integer.parseInt(args[4]);
        int completions = Integer.parseInt(args[5]);
        Random random = new Random(2026);
        UUID[] offerIds = new UUID[offers];
        String[] firstWeeks = new String[offers];
        long sentOffers = 0;
        long sentApplications = 0;
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(BenchKafka.config(bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262144),
                new StringSerializer(), new StringSerializer())) {
            for (int o = 0; o < offers; o++) {
                offerIds[o] = new UUID(0x5eedL, o);
                LocalDate monday = LocalDate.of(2026, 9, 7).plusWeeks(random.nextInt(34));
                StringBuilder weeks = new StringBuilder();
                for (int w = 0; w < 3; w++) {
                    LocalDate day = monday.plusWeeks(w);
                    weeks.append(w == 0 ? "" : ",").append(String.format("{\"week\":\"%s\",\"startsOn\":\"%s\"}", week(day), day));
                }
                firstWeeks[o] = week(monday);
                boolean publicSector = o % 2 == 0;
                String payload = String.format("{\"offerId\":\"%s\",\"status\":\"PUBLISHED\",\"version\":1,"
                                + "\"schoolYear\":\"2026-2027\",\"ministryCode\":%s,\"publicSector\":%b,\"sectorId\":\"sector-%d\","
                                + "\"department\":\"%s\",\"weeks\":[%s],\"capacityPerWeek\":%d}",
                        offerIds[o], publicSector ? "\"" + MINISTRIES[o % MINISTRIES.length] + "\"" : "null", publicSector,
                        o % 43, DEPARTMENTS[o % DEPARTMENTS.length], weeks, 1 + random.nextInt(4));
                producer.send(event(offersTopic, offerIds[o].toString(), "offer.published", payload, o));
                sentOffers++;
            }
            for (int c = 0; c < candidacies; c++) {
                int o = random.nextInt(offers);
                UUID applicationId = new UUID(0xca11L, c);
                UUID pupilId = new UUID(0x9091L, random.nextInt(Math.max(1, candidacies * 3 / 8)));
                String common = String.format("\"applicationId\":\"%s\",\"offerId\":\"%s\",\"week\":\"%s\",\"pupilId\":\"%s\","
                                + "\"schoolUai\":\"0590001A\",\"schoolPriority\":\"%s\",\"schoolDepartment\":\"%s\"",
                        applicationId, offerIds[o], firstWeeks[o], pupilId, PRIORITIES[c % PRIORITIES.length],
                        DEPARTMENTS[(c / 3) % DEPARTMENTS.length]);
                producer.send(event(applicationsTopic, applicationId.toString(), "application.submitted",
                        "{" + common + ",\"state\":\"SUBMITTED\"}", c));
                sentApplications++;
                if (c % 4 == 0) {
                    producer.send(event(applicationsTopic, applicationId.toString(), "application.confirmed",
                            "{" + common + ",\"state\":\"CONFIRMED\"}", c + 1));
                    sentApplications++;
                    if (c / 4 < completions) {
                        producer.send(event(applicationsTopic, applicationId.toString(), "internship.completed",
                                "{" + common + ",\"state\":\"COMPLETED\"}", c + 2));
                        sentApplications++;
                    }
                }
            }
            producer.flush();
        }
        System.out.printf("offers=%d applications=%d events in %.1f s%n", sentOffers, sentApplications,
                (System.nanoTime() - start) / 1e9);
    }

    private static String week(LocalDate monday) {
        return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Events of one entity get increasing times, so that the replay orders them as they happened. */
    private static ProducerRecord<String, String> event(String topic, String key, String type, String payload, int step) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        String time = Instant.parse("2026-09-01T08:00:00Z").plusSeconds(step).toString();
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/bench/statistics",
                        "ce_type", type, "ce_time", time, "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
