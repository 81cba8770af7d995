package fr.tremplin.common.events;

import java.util.List;

/**
 * A consumer that applies a poll's events together, e.g. as one statement batch: one round trip to the database
 * for the poll instead of one or two per event. {@link EventIntake} hands it, in the poll's order, the events seen for
 * the first time, inside the transaction that records their delivery; its writes must give the same result as
 * {@link #apply} one event after the other (upserts guarded by each event's time do).
 *
 * @param <T> the typed event
 */
public interface PollHandler<T> extends EventHandler<T> {

    /** Applies the events, in this order, in the caller's transaction. */
    void applyAll(List<T> events);

    @Override
    default void apply(T event) {
        applyAll(List.of(event));
    }
}
