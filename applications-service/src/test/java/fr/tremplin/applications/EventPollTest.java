package fr.tremplin.applications;

import fr.tremplin.applications.consumers.OfferEventsConsumer;
import fr.tremplin.common.events.EventIntake;
import fr.tremplin.common.events.Topics;
import fr.tremplin.testing.KafkaTestConsumer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.testing.KafkaTestConsumer.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * tremplin-common's {@code EventIntake} given one poll of several records, as Kafka hands them to a {@code batch=true}
 * channel (the records are built here, so that the poll is exactly this one): applied in one transaction, each event
 * once, and a record that cannot be read or applied goes alone to the dead letters while the rest of its poll is applied.
 */
@QuarkusTest
class EventPollTest {

    private static final String PROCESSED_AT = "SELECT count(DISTINCT processed_at) FROM processed_event WHERE event_id IN (?, ?, ?)";

    @Inject
    EventIntake intake;

    @Inject
    OfferEventsConsumer offers;

    private long offset = 1_000_000;

    @Test
    void aPollIsAppliedInOneTransactionAndARedeliveryInItOnlyOnce() {
        Fixtures.Offer first = new Fixtures.Offer(UUID.randomUUID(), "01", 2, List.of(W05));
        Fixtures.Offer second = new Fixtures.Offer(UUID.randomUUID(), "01", 3, List.of(W05));
        Fixtures.Offer third = new Fixtures.Offer(UUID.randomUUID(), "01", 4, List.of(W05));
        String firstId = UUID.randomUUID().toString();
        String secondId = UUID.randomUUID().toString();
        String thirdId = UUID.randomUUID().toString();

        intake.consume(poll(event(firstId, first.id, TestEvents.json(first.payload())),
                event(secondId, second.id, TestEvents.json(second.payload())),
                event(firstId, first.id, TestEvents.json(first.payload())), // redelivered within the same poll
                event(thirdId, third.id, TestEvents.json(third.payload()))), offers);

        assertThat(TestEvents.count("SELECT count(*) FROM offer_view WHERE offer_id IN (?, ?, ?)", first.id, second.id,
                third.id)).isEqualTo(3);
        assertThat(TestEvents.count("SELECT capacity FROM seat_ledger WHERE offer_id = ?", third.id)).isEqualTo(4);
        assertThat(TestEvents.count("SELECT count(*) FROM processed_event WHERE event_id = ?", firstId)).isEqualTo(1);
        // now() is the transaction's start: one value for the three events means one transaction for the poll
        assertThat(TestEvents.count(PROCESSED_AT, firstId, secondId, thirdId)).isEqualTo(1);

        // the same poll again, as after a crash before the offsets' commit: nothing changes
        first.capacity = 9;
        intake.consume(poll(event(firstId, first.id, TestEvents.json(first.payload()))), offers);
        assertThat(TestEvents.count("SELECT capacity FROM seat_ledger WHERE offer_id = ?", first.id)).isEqualTo(2);
    }

    @Test
    void unreadableAndInapplicableRecordsGoAloneToTheDeadLettersAndTheRestOfThePollIsApplied() {
        Fixtures.Offer before = new Fixtures.Offer(UUID.randomUUID(), "01", 2, List.of(W05));
        Fixtures.Offer inapplicable = new Fixtures.Offer(UUID.randomUUID(), "01", 2, List.of(W05));
        inapplicable.department = "12345"; // reads well, but the copy's column holds 3 characters: the database refuses
        Fixtures.Offer after = new Fixtures.Offer(UUID.randomUUID(), "01", 2, List.of(W05));
        String poisonId = UUID.randomUUID().toString();
        String inapplicableId = UUID.randomUUID().toString();

        try (KafkaTestConsumer deadLetters = KafkaTestConsumer.fromNow(Topics.deadLetter(Topics.OFFERS))) {
            intake.consume(poll(event(UUID.randomUUID().toString(), before.id, TestEvents.json(before.payload())),
                    event(poisonId, UUID.randomUUID(), "{not json"),
                    event(inapplicableId, inapplicable.id, TestEvents.json(inapplicable.payload())),
                    event(UUID.randomUUID().toString(), after.id, TestEvents.json(after.payload()))), offers);

            ConsumerRecord<String, String> poison = deadLetters.awaitRecord(r -> poisonId.equals(header(r, "ce_id")),
                    Duration.ofSeconds(30));
            assertThat(poison.value()).isEqualTo("{not json");
            assertThat(header(poison, "dead-letter-reason")).contains(poisonId).doesNotContain("not json");
            assertThat(header(poison, "dead-letter-topic")).isEqualTo(Topics.OFFERS);
            ConsumerRecord<String, String> refused = deadLetters.awaitRecord(
                    r -> inapplicableId.equals(header(r, "ce_id")), Duration.ofSeconds(30));
            assertThat(refused.key()).isEqualTo(inapplicable.id.toString());
            assertThat(header(refused, "dead-letter-offset")).isNotBlank();
        }
        assertThat(TestEvents.count("SELECT count(*) FROM offer_view WHERE offer_id IN (?, ?)", before.id, after.id))
                .isEqualTo(2);
        assertThat(TestEvents.count("SELECT count(*) FROM offer_view WHERE offer_id = ?", inapplicable.id)).isZero();
        assertThat(TestEvents.count("SELECT count(*) FROM processed_event WHERE event_id IN (?, ?)", poisonId,
                inapplicableId)).isZero();
    }

    @SafeVarargs
    private ConsumerRecords<String, String> poll(ConsumerRecord<String, String>... records) {
        return new ConsumerRecords<>(Map.of(new TopicPartition(Topics.OFFERS, 0), List.of(records)), Map.of());
    }

    private ConsumerRecord<String, String> event(String id, UUID offerId, String payload) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.OFFERS, 0, offset++, offerId.toString(),
                payload);
        for (Map.Entry<String, String> header : Map.of("ce_specversion", "1.0", "ce_id", id,
                "ce_source", "/tremplin/offers-service", "ce_type", "offer.published",
                "ce_time", Instant.now().toString()).entrySet()) {
            record.headers().add(new RecordHeader(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8)));
        }
        return record;
    }
}
