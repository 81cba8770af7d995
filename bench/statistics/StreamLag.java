import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The projection's lag behind a stream of candidacies:
 *   java -cp … StreamLag BOOTSTRAP APPLICATIONS_TOPIC JDBC_URL RATE SECONDS
 * Sends RATE application.submitted CloudEvents a second, as applications-service's outbox would, for offer weeks of
 * the seeded facts, and watches stat_candidacy fill: event n's lag is the moment the projection holds n of the
 * stream's rows minus the moment event n was sent. The stream's application ids share a prefix no seeded id has,
 * so one index range count tells how many arrived.
 */
public class StreamLag {

    private static final String PREFIX = "ffffffff-ffff-4fff-8fff-";

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        String jdbc = args[2];
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int total = rate * seconds;
        long[] sent = new long[total];
        AtomicLongArray seen = new AtomicLongArray(total);
        try (Connection db = DriverManager.getConnection(jdbc, "offers", "offers");
             KafkaProducer<String, String> producer = producer(bootstrap)) {
            List<String[]> weeks = offerWeeks(db);
            Thread watcher = Thread.ofPlatform().daemon().start(() -> watch(jdbc, seen));
            long start = System.nanoTime();
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            for (int i = 0; i < total; i++) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String[] week = weeks.get(ThreadLocalRandom.current().nextInt(weeks.size()));
                sent[i] = System.nanoTime();
                producer.send(event(topic, String.format("%s%012x", PREFIX, i), week[0], week[1]));
            }
            producer.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (seen.get(total - 1) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            watcher.interrupt();
        }
        long[] lags = new long[total];
        int arrived = 0;
        for (int i = 0; i < total; i++) {
            if (seen.get(i) != 0) {
                lags[arrived++] = seen.get(i) - sent[i];
            }
        }
        long[] sorted = Arrays.stream(lags, 0, arrived).sorted().toArray();
        System.out.printf("sent=%d arrived=%d rate=%d/s lag p50=%.0fms p99=%.0fms max=%.0fms%n", total, arrived, rate,
                Percentiles.millis(sorted, 50), Percentiles.millis(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    /** Polls the count of the stream's rows every 10 ms; the n-th row's arrival time is when the count reached n. */
    private static void watch(String jdbc, AtomicLongArray seen) {
        try (Connection db = DriverManager.getConnection(jdbc, "offers", "offers");
             PreparedStatement count = db.prepareStatement(
                     "SELECT count(*) FROM stat_candidacy WHERE application_id >= ?::uuid")) {
            count.setString(1, PREFIX + "000000000000");
            int known = 0;
            while (!Thread.currentThread().isInterrupted() && known < seen.length()) {
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    int now = (int) Math.min(rs.getLong(1), seen.length());
                    long at = System.nanoTime();
                    for (; known < now; known++) {
                        seen.set(known, at);
                    }
                }
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String[]> offerWeeks(Connection db) throws Exception {
        List<String[]> weeks = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(
                "SELECT offer_id::text, week FROM stat_offer_week ORDER BY offer_id LIMIT 5000");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                weeks.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        if (weeks.isEmpty()) {
            throw new IllegalStateException("no seeded offer week");
        }
        return weeks;
    }

    private static ProducerRecord<String, String> event(String topic, String applicationId, String offerId, String week) {
        String now = Instant.now().toString();
        String payload = String.format("{\"applicationId\":\"%s\",\"offerId\":\"%s\",\"week\":\"%s\",\"pupilId\":\"%s\","
                        + "\"schoolUai\":\"0590001A\",\"schoolPriority\":\"REP_PLUS\",\"schoolDepartment\":\"59\","
                        + "\"department\":\"59\",\"state\":\"SUBMITTED\",\"previousState\":null,\"action\":\"submit\","
                        + "\"actor\":\"pupil\",\"occurredAt\":\"%s\"}",
                applicationId, offerId, week, UUID.randomUUID(), now);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, applicationId, payload);
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/bench/statistics",
                        "ce_type", "application.submitted", "ce_time", now, "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(BenchKafka.config(bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new StringSerializer());
    }
}
