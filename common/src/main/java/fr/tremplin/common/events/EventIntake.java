package fr.tremplin.common.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.common.persistence.LostRaces;
import fr.tremplin.common.persistence.Outages;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * The one recipe every consumer of the platform follows (docs/CONVENTIONS.md, "Consuming an event"):
 * <ol>
 *   <li>read the record as a CloudEvent, then as the handler's typed event: anything unreadable is thrown, and the
 *       channel's {@code failure-strategy=dead-letter-queue} moves it to the topic's {@code .dlq};</li>
 *   <li>in one new transaction, record the event id ({@link ProcessedEvents}) and apply it: a redelivery finds the id
 *       and changes nothing, a crash before the commit leaves neither;</li>
 *   <li>retry that transaction when it lost a race ({@link LostRaces}): a good event never goes to the dead letters
 *       for a deadlock;</li>
 *   <li>and wait for the database while it is away ({@link Outages}, a minute at the most): a good event never goes to
 *       the dead letters for a database restart either.</li>
 * </ol>
 * All of it in a consumer span of the producer's trace ({@link EventTraces}), so that its log lines carry the trace id
 * of the request that caused the event.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);

    private static final long OUTAGE_PATIENCE_MILLIS = 60_000;
    private static final long OUTAGE_PAUSE_MILLIS = 1_000;

    private final ProcessedEvents processed;
    private final ObjectMapper mapper;
    private final EventTraces traces;

    public EventIntake(ProcessedEvents processed, ObjectMapper mapper, EventTraces traces) {
        this.processed = processed;
        this.mapper = mapper;
        this.traces = traces;
    }

    public <T> void consume(ConsumerRecord<String, String> record, EventHandler<T> handler) {
        Span span = traces.processing(record, handler.name());
        try (Scope ignored = span.makeCurrent()) {
            apply(record, handler);
        } catch (RuntimeException e) {
            EventTraces.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    private <T> void apply(ConsumerRecord<String, String> record, EventHandler<T> handler) {
        IncomingEvent event;
        Optional<T> typed;
        try {
            event = IncomingEvent.from(record, mapper);
            typed = handler.read(event);
        } catch (IncomingEvent.MalformedEventException e) {
            // the reason names fields and ids only, never a payload value that could be personal data
            LOG.warnf("%s: poison record at %s-%d@%d goes to the dead-letter topic: %s", handler.name(),
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            throw e;
        }
        if (typed.isEmpty()) {
            return;
        }
        String what = handler.name() + " event " + event.id();
        Outages.retry(what, () -> LostRaces.retry(what, () -> QuarkusTransaction.requiringNew().run(() -> {
            if (processed.firstDelivery(handler.name(), event.id())) {
                handler.apply(typed.get());
            }
        })), OUTAGE_PATIENCE_MILLIS, OUTAGE_PAUSE_MILLIS);
    }
}
