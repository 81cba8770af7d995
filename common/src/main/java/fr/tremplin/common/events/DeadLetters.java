package fr.tremplin.common.events;

import fr.tremplin.common.kafka.ReconnectingProducer;
import io.smallrye.common.annotation.Identifier;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Moves a record its consumer cannot apply to the topic's {@code .dlq} ({@link Topics#deadLetter}), with its key, value
 * and headers as they came and the headers SmallRye's {@code dead-letter-queue} strategy writes ({@code
 * dead-letter-reason}, {@code -topic}, {@code -partition}, {@code -offset}, {@code -exception-class-name}). {@link
 * EventIntake} consumes a poll's records together, and SmallRye's strategy would send the whole poll there for one bad
 * record; so the intake sends that one itself, and waits for the broker's acknowledgement before the poll's offsets are
 * committed: a poison record is never lost either.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    static final String REASON = "dead-letter-reason";
    private static final long PAUSE_MILLIS = 1_000;

    private final ReconnectingProducer<String> producer;

    public DeadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.producer = new ReconnectingProducer<>(kafkaConfig, Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                ProducerConfig.CLIENT_ID_CONFIG, "dead-letters"), new StringSerializer());
    }

    /**
     * Sends the record and returns once the broker has it, trying again every second while the broker is away (the
     * consumer could not go on without it anyway); only an interruption, the service stopping, throws, and the poll
     * then comes again. {@code reason} names fields and ids, never a value.
     */
    public void send(ConsumerRecord<String, String> record, String consumer, RuntimeException reason) {
        LOG.warnf("%s: poison record at %s-%d@%d goes to the dead-letter topic: %s", consumer, record.topic(),
                record.partition(), record.offset(), reason.getMessage());
        ProducerRecord<String, String> dead = new ProducerRecord<>(Topics.deadLetter(record.topic()), null,
                record.key(), record.value());
        for (Header header : record.headers()) {
            dead.headers().add(header);
        }
        header(dead, REASON, reason.getMessage() == null ? reason.getClass().getSimpleName() : reason.getMessage());
        header(dead, "dead-letter-exception-class-name", reason.getClass().getName());
        header(dead, "dead-letter-topic", record.topic());
        header(dead, "dead-letter-partition", Integer.toString(record.partition()));
        header(dead, "dead-letter-offset", Long.toString(record.offset()));
        for (int attempt = 1; ; attempt++) {
            try {
                producer.get().send(dead).get(15, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                producer.reset();
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf("%s: the dead-letter topic %s is unreachable (attempt %d), trying again: %s", consumer,
                            dead.topic(), attempt, e.getMessage());
                }
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending a poison record", e);
            }
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().remove(name);
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending a poison record", e);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        producer.reset();
    }
}
