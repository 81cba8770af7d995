package fr.tremplin.common.events;

import java.util.Optional;

/**
 * One consumer of one topic, as {@link EventIntake} runs it: {@link #read} turns the CloudEvent into the typed event
 * the service understands, {@link #apply} hands it to the service. Implemented by the classes of a service's
 * {@code consumers} package; see docs/CONVENTIONS.md, "Consuming an event".
 *
 * @param <T> the typed event (a record of the service's {@code api} or {@code service} package)
 */
public interface EventHandler<T> {

    /** The name its processed event ids are recorded under, e.g. {@code offers-service.schools}. */
    String name();

    /**
     * The typed event, or empty when this consumer has nothing to do with this type of event. Throws
     * {@link IncomingEvent.MalformedEventException} when a field it needs is missing or unreadable: the record then
     * goes to the dead-letter topic and the partition moves on.
     */
    Optional<T> read(IncomingEvent event);

    /** Applies the event; runs inside the transaction that records its delivery, once per event id. */
    void apply(T event);
}
