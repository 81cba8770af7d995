package fr.tremplin.common.events;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.common.kafka.ReconnectingProducer;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes committed outbox rows to Kafka, in order, with an idempotent producer ({@code acks=all}).
 * A row is marked published only once the broker acknowledged it, so an outage only delays events;
 * a redelivery after a crash between ack and mark is absorbed by the consumers' processed-event record.
 * One relay at a time per database (advisory lock), so that two instances never reorder a key's events.
 * Each row is sent in a producer span of the trace its change kept ({@link EventTraces}).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x7472656d706c696eL; // "tremplin"
    /** The PostgreSQL channel {@link Outbox} notifies on each commit that wrote events. */
    static final String CHANNEL = "tremplin_outbox";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final OutboxConfig config;
    private final EventTraces traces;
    private final AtomicLong pending;
    private volatile Failure failure;
    private final ReconnectingProducer<byte[]> producer;
    private volatile NotifiedLoop loop;

    public OutboxRelay(AgroalDataSource dataSource, ObjectMapper mapper, OutboxConfig config,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry registry,
                       EventTraces traces) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.config = config;
        this.traces = traces;
        this.pending = registry.gauge("tremplin.outbox.pending", new AtomicLong());
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // Fail a pass quickly when the broker is away; the rows stay pending and are retried.
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, kafkaConfig.getOrDefault(ProducerConfig.CLIENT_ID_CONFIG,
                "outbox-relay-" + config.source()));
        this.producer = new ReconnectingProducer<>(kafkaConfig, settings, new ByteArraySerializer());
    }

    /**
     * Runs on a thread of its own, woken by PostgreSQL ({@link NotifiedLoop}): {@link Outbox} notifies {@link #CHANNEL}
     * in the transaction of each change, so a committed event is relayed within milliseconds, and a platform at rest
     * does one pass per {@code tremplin.outbox.poll-interval} instead of polling five times a second. That interval
     * stays the fallback for what no notification announces: a pass that failed (Kafka away), or events committed
     * while the listener was reconnecting.
     */
    void onStart(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            return;
        }
        Duration fallback = config.pollInterval();
        loop = NotifiedLoop.start("outbox-relay", CHANNEL, fallback, () -> {
            relay();
            return fallback;
        });
    }

    void relay() {
        if (!config.relayEnabled()) {
            return;
        }
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (published >= config.batchSize() && (loop == null || loop.running()));
            failure = null;
        } catch (RuntimeException e) {
            // Kafka unreachable or slow: the rows stay pending and the next pass tries again.
            LOG.warnf("outbox relay pass failed, will retry: %s", Failures.rootMessage(e));
            producer.reset();
            Failure previous = failure;
            failure = new Failure(previous == null ? Instant.now() : previous.since(), Failures.rootMessage(e));
            recordFailure(Failures.rootMessage(e));
        }
    }

    /**
     * Why events are waiting, or null when the last pass published what was pending ({@link KafkaHealth}): a pass
     * with nothing to publish, or left to another instance holding the relay lock, counts as a success.
     */
    public Failure lastFailure() {
        return failure;
    }

    /** Since when the passes fail (the first failed pass), and the last one's reason. */
    public record Failure(Instant since, String reason) {
    }

    /** What an operator sees on the rows a failed pass tried: how many passes, and the last reason. */
    private void recordFailure(String reason) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement update = connection.prepareStatement(
                             "UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE seq IN "
                                     + "(SELECT seq FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT ?)")) {
                    update.setString(1, reason.length() > 500 ? reason.substring(0, 500) : reason);
                    update.setInt(2, config.batchSize());
                    update.executeUpdate();
                } catch (SQLException sql) {
                    throw new IllegalStateException(sql);
                }
            });
        } catch (RuntimeException e) {
            LOG.debugf("could not record the relay failure (database unreachable?): %s", Failures.rootMessage(e));
        }
    }

    int publishBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            if (!tryRelayLock(connection)) {
                return 0;
            }
            List<PendingEvent> batch = loadPending(connection);
            pending.set(batch.size());
            if (batch.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            List<Span> spans = new ArrayList<>(batch.size());
            try {
                KafkaProducer<String, byte[]> kafka = producer.get();
                for (PendingEvent event : batch) {
                    Span span = traces.publishing(event.topic(), event.id(), event.type(), event.traceparent());
                    spans.add(span);
                    acks.add(kafka.send(toRecord(event, EventTraces.traceparent(span)), (metadata, failed) -> {
                        if (failed != null) {
                            EventTraces.failed(span, failed);
                        }
                        span.end();
                    }));
                }
                kafka.flush();
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(30, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                // a send refused before any callback (closed producer, no metadata): its span ends here
                spans.forEach(span -> {
                    EventTraces.failed(span, e);
                    span.end();
                });
                throw e;
            }
            markPublished(connection, batch);
            return batch.size();
        }
    }

    private boolean tryRelayLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private List<PendingEvent> loadPending(Connection connection) throws Exception {
        List<PendingEvent> batch = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, id, topic, message_key, type, subject, headers::text, payload::text, created_at, traceparent "
                        + "FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT ?")) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    batch.add(new PendingEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6),
                            mapper.readValue(rs.getString(7), new TypeReference<HashMap<String, String>>() { }),
                            rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getString(10)));
                }
            }
        }
        return batch;
    }

    private ProducerRecord<String, byte[]> toRecord(PendingEvent event, String traceparent) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.key(),
                event.payload().getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, event.id());
        header(record, CloudEventHeaders.SOURCE, config.source());
        header(record, CloudEventHeaders.TYPE, event.type());
        header(record, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(event.createdAt()));
        if (event.subject() != null) {
            header(record, CloudEventHeaders.SUBJECT, event.subject());
        }
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        header(record, CloudEventHeaders.DATA_CONTENT_TYPE, "application/json");
        event.headers().forEach((name, value) -> header(record, name, value));
        if (traceparent != null) {
            header(record, CloudEventHeaders.CE_TRACEPARENT, traceparent);
            header(record, CloudEventHeaders.TRACEPARENT, traceparent);
        }
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private void markPublished(Connection connection, List<PendingEvent> batch) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_event SET published_at = now(), attempts = attempts + 1 WHERE seq = ANY (?)")) {
            update.setArray(1, connection.createArrayOf("bigint", batch.stream().map(PendingEvent::seq).toArray()));
            update.executeUpdate();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop(Duration.ofSeconds(15)); // a pass under way waits at most for its acks (MAX_BLOCK, DELIVERY_TIMEOUT)
        }
        producer.reset();
    }

    private record PendingEvent(long seq, String id, String topic, String key, String type, String subject,
                                Map<String, String> headers, String payload, Instant createdAt, String traceparent) {
    }
}
