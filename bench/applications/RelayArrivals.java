import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What reached the relays by one channel (their Kafka feeds, or their webhooks): for each candidacy, the delay from
 * its submission (the feed message's {@code occurredAt}, taken inside the submitting transaction, as EventObserver
 * does on tremplin.applications.v1) to the moment its {@code application.submitted} message arrived; and what should
 * never happen: a message delivered twice (same message id), a candidacy's submission arriving twice under another
 * id, a message of another relay's candidacy.
 */
final class RelayArrivals {

    private final String channel;
    private final Map<UUID, Long> submittedDelay = new ConcurrentHashMap<>();
    private final Set<String> messageIds = ConcurrentHashMap.newKeySet();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong redelivered = new AtomicLong();
    private final AtomicLong submittedTwice = new AtomicLong();
    private final AtomicLong foreign = new AtomicLong();

    RelayArrivals(String channel) {
        this.channel = channel;
    }

    /** A message {@code messageId} of the feed payload {@code data}, arrived at {@code now} for relay {@code relayId}. */
    void arrived(String relayId, String messageId, JsonNode data, long now) {
        if (!messageIds.add(messageId)) {
            redelivered.incrementAndGet();
            return;
        }
        messages.incrementAndGet();
        if (!relayId.equals(data.path("relayId").asText())) {
            foreign.incrementAndGet();
        }
        if ("application.submitted".equals(data.path("event").asText())) {
            long delay = now - Instant.parse(data.get("occurredAt").asText()).toEpochMilli();
            if (submittedDelay.putIfAbsent(UUID.fromString(data.get("applicationId").asText()), delay) != null) {
                submittedTwice.incrementAndGet();
            }
        }
    }

    String channel() {
        return channel;
    }

    /** The delay of each of {@code applications} that arrived; how many did not is {@link #missing}. */
    long[] delays(Collection<UUID> applications) {
        return applications.stream().map(submittedDelay::get).filter(d -> d != null).mapToLong(Long::longValue)
                .sorted().toArray();
    }

    long missing(Collection<UUID> applications) {
        return applications.stream().filter(id -> !submittedDelay.containsKey(id)).count();
    }

    long messages() {
        return messages.get();
    }

    long redelivered() {
        return redelivered.get();
    }

    long submittedTwice() {
        return submittedTwice.get();
    }

    long foreign() {
        return foreign.get();
    }
}
