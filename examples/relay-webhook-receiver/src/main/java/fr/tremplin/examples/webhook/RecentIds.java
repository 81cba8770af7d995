package fr.tremplin.examples.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code webhook-id}s handled lately: deliveries are at least once (a 2xx lost on the way back means the same
 * message again), so a repeated id is acknowledged and not handled twice. Kept in memory and bounded for the example;
 * a real relay keeps them where it keeps what it did with them (a unique column of its own database), so that a
 * restart forgets nothing.
 */
final class RecentIds {

    private final Map<String, Boolean> ids;

    RecentIds(int capacity) {
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time the id is seen (the caller handles it), false for a repeat. */
    synchronized boolean firstTime(String id) {
        return ids.putIfAbsent(id, Boolean.TRUE) == null;
    }

    /** Handling failed: the platform sends it again, and then it must be handled. */
    synchronized void forget(String id) {
        ids.remove(id);
    }
}
