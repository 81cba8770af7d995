import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts by key (an HTTP status, an action and its status, an event type), added to from many threads. */
final class Tally<K extends Comparable<? super K>> {

    private final Map<K, AtomicInteger> counts = new ConcurrentHashMap<>();

    /** Counts one more, and returns the count. */
    int add(K key) {
        return counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    int get(K key) {
        AtomicInteger count = counts.get(key);
        return count == null ? 0 : count.get();
    }

    void clear() {
        counts.clear();
    }

    /** {key=count, ...} in key order. */
    String sorted() {
        return new TreeMap<>(counts).toString();
    }

    /** {key=count, ...} in no particular order. */
    @Override
    public String toString() {
        return counts.toString();
    }
}
