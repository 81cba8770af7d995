package fr.tremplin.common.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.common.persistence.DatabaseFailure;
import fr.tremplin.common.persistence.LostRaces;
import fr.tremplin.common.persistence.Outages;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one recipe every consumer of the platform follows (docs/CONVENTIONS.md, "Consuming an event"), for the records
 * of one poll ({@code batch=true} channels):
 * <ol>
 *   <li>read each record as a CloudEvent, then as the handler's typed event: a record that does not read goes alone to
 *       the topic's {@code .dlq} ({@link DeadLetters}) and the others go on;</li>
 *   <li>in one new transaction, record the poll's event ids ({@link ProcessedEvents}) and apply, in order, each event
 *       seen for the first time (all together to a {@link PollHandler}): a redelivery finds its id and changes nothing,
 *       a crash before the commit leaves nothing. One commit for the poll, not one per event, is what lets a consumer
 *       catch up after an outage (docs/RELIABILITY.md);</li>
 *   <li>run that transaction again when it lost a race ({@link LostRaces}), and wait for the database while it is away
 *       ({@link Outages}), however long: a good event never goes to the dead letters for a deadlock or a restart;</li>
 *   <li>when it fails for any other reason, apply the events one transaction each, so that only the one that cannot
 *       be applied goes to the dead letters.</li>
 * </ol>
 * Each event is applied in a consumer span of the producer's trace ({@link EventTraces}), so that its log lines carry
 * the trace id of the request that caused it. Nothing but an interruption (the service stopping) is thrown back to
 * Reactive Messaging, whose {@code failure-strategy=fail} then leaves the poll uncommitted, to come again.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);

    private static final long OUTAGE_PAUSE_MILLIS = 1_000;

    private final ProcessedEvents processed;
    private final DeadLetters deadLetters;
    private final ObjectMapper mapper;
    private final EventTraces traces;
    private final EntityManager entities;

    public EventIntake(ProcessedEvents processed, DeadLetters deadLetters, ObjectMapper mapper, EventTraces traces,
                       EntityManager entities) {
        this.processed = processed;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
        this.traces = traces;
        this.entities = entities;
    }

    public <T> void consume(ConsumerRecords<String, String> records, EventHandler<T> handler) {
        List<Delivery<T>> readable = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            read(record, handler).ifPresent(readable::add);
        }
        apply(readable, handler);
    }

    private <T> Optional<Delivery<T>> read(ConsumerRecord<String, String> record, EventHandler<T> handler) {
        try {
            IncomingEvent event = IncomingEvent.from(record, mapper);
            return handler.read(event).map(typed -> new Delivery<>(record, event.id(), typed));
        } catch (IncomingEvent.MalformedEventException e) {
            // the reason names fields and ids only, never a payload value that could be personal data
            deadLetters.send(record, handler.name(), e);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: could not read the record at %s-%d@%d", handler.name(), record.topic(),
                    record.partition(), record.offset());
            deadLetters.send(record, handler.name(), new IllegalStateException("record could not be read: " + cause(e), e));
        }
        return Optional.empty();
    }

    private <T> void apply(List<Delivery<T>> deliveries, EventHandler<T> handler) {
        if (deliveries.isEmpty()) {
            return;
        }
        try {
            inOneTransaction(deliveries, handler);
        } catch (RuntimeException e) {
            DatabaseFailure failure = DatabaseFailure.of(e);
            if (Thread.currentThread().isInterrupted() || failure == DatabaseFailure.UNAVAILABLE
                    || failure == DatabaseFailure.BUSY) {
                throw e; // stopping: the poll stays uncommitted and comes again
            }
            if (deliveries.size() == 1) {
                Delivery<T> delivery = deliveries.getFirst();
                LOG.errorf(e, "%s: event %s could not be applied", handler.name(), delivery.eventId());
                deadLetters.send(delivery.record(), handler.name(), new IllegalStateException("event "
                        + delivery.eventId() + " could not be applied: " + cause(e), e));
                return;
            }
            LOG.warnf("%s: %d events failed together (%s), applying them one by one", handler.name(),
                    deliveries.size(), e.getMessage());
            for (Delivery<T> delivery : deliveries) {
                apply(List.of(delivery), handler);
            }
        }
    }

    private <T> void inOneTransaction(List<Delivery<T>> deliveries, EventHandler<T> handler) {
        String what = deliveries.size() == 1 ? handler.name() + " event " + deliveries.getFirst().eventId()
                : handler.name() + " poll of " + deliveries.size() + " events";
        Outages.retryUntilBack(what, () -> LostRaces.retry(what, () -> QuarkusTransaction.requiringNew().run(() -> {
            Set<String> fresh = processed.firstDeliveries(handler.name(),
                    deliveries.stream().map(Delivery::eventId).toList());
            List<Delivery<T>> firstTime = deliveries.stream().filter(d -> fresh.remove(d.eventId())).toList();
            if (handler instanceof PollHandler<T> together) {
                applyTogetherInTheirSpans(firstTime, together);
            } else {
                firstTime.forEach(delivery -> applyInItsSpan(delivery, handler));
            }
        })), OUTAGE_PAUSE_MILLIS);
    }

    private <T> void applyTogetherInTheirSpans(List<Delivery<T>> deliveries, PollHandler<T> handler) {
        if (deliveries.isEmpty()) {
            return;
        }
        List<Span> spans = deliveries.stream().map(d -> traces.processing(d.record(), handler.name())).toList();
        try {
            handler.applyAll(deliveries.stream().map(Delivery::typed).toList());
        } catch (RuntimeException e) {
            spans.forEach(span -> EventTraces.failed(span, e));
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
    }

    private <T> void applyInItsSpan(Delivery<T> delivery, EventHandler<T> handler) {
        Span span = traces.processing(delivery.record(), handler.name());
        try (Scope ignored = span.makeCurrent()) {
            handler.apply(delivery.typed());
            // The next event of the poll sees this one's effect, whether it reads through Hibernate or plain JDBC.
            entities.flush();
            entities.clear();
        } catch (RuntimeException e) {
            EventTraces.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** What failed, without the message, which can quote a value (the database's detail, a parser's input). */
    private static String cause(Throwable e) {
        Throwable root = Failures.root(e);
        String state = root instanceof SQLException sql ? " (SQL state " + sql.getSQLState() + ")" : "";
        return root.getClass().getSimpleName() + state;
    }

    private record Delivery<T>(ConsumerRecord<String, String> record, String eventId, T typed) {
    }
}
