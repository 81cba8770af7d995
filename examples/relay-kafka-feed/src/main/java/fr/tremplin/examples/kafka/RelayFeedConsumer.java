package fr.tremplin.examples.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A relay reading its own Kafka feed, {@code tremplin.relay.<relayId>.v1}, with its own account (docs/RELAYS.md,
 * docs/KAFKA.md). Each poll's messages are handled in order (one candidacy's messages share a partition, hence their
 * order), and the offsets are committed only once all of them are handled: a crash in between means they come again,
 * so handling must be idempotent (on {@code ce_id}, or by keeping only the latest state per candidacy).
 * <p>
 * Run: set the environment of {@link RelayFeedSettings#fromEnvironment} and start this class (README.md).
 */
public final class RelayFeedConsumer implements AutoCloseable {

    private static final Duration POLL = Duration.ofSeconds(1);

    private final KafkaConsumer<String, String> consumer;

    public RelayFeedConsumer(RelayFeedSettings settings) {
        this.consumer = new KafkaConsumer<>(settings.consumerProperties());
        this.consumer.subscribe(List.of(settings.topic()));
    }

    public static void main(String[] args) {
        RelayFeedSettings settings = RelayFeedSettings.fromEnvironment(System.getenv());
        System.out.println("reading " + settings);
        try (RelayFeedConsumer feed = new RelayFeedConsumer(settings)) {
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                feed.stop();
                try {
                    main.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            while (true) {
                feed.pollOnce(RelayFeedConsumer::handle);
            }
        } catch (WakeupException stopped) {
            System.out.println("stopped");
        }
    }

    /**
     * One poll: hands each message to {@code handler}, in the order of the feed, then commits. Throws what the broker
     * refuses (a {@code TopicAuthorizationException} for a topic that is not the relay's, a
     * {@code GroupAuthorizationException} for a group outside its prefix, a {@code SaslAuthenticationException} for a
     * wrong password). Returns how many messages it handled.
     */
    public int pollOnce(Consumer<FeedMessage> handler) {
        int handled = 0;
        for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
            handler.accept(FeedMessage.from(record));
            handled++;
        }
        if (handled > 0) {
            consumer.commitSync();
        }
        return handled;
    }

    /** What a relay does with a message. This one prints it; the comments say where the REST API comes in. */
    static void handle(FeedMessage message) {
        System.out.printf("%s %s candidacy %s state %s (event %s)%n", message.eventId(), message.type(),
                message.applicationId(), message.state(), message.event());
        if ("relay.candidacy.changed".equals(message.type()) && "SUBMITTED".equals(message.state())) {
            // A candidacy waits for the relay's triage. Decide, then answer through the REST API with a relay token:
            //   POST /api/v1/applications/{applicationId}/forward                      to the host
            //   POST /api/v1/applications/{applicationId}/redirect | /reject {"reason": "..."}
            // A 409 means it was decided already (by an agent at the queue, or by this consumer before a crash).
            // GET /api/v1/applications/{applicationId} shows what the feed leaves out (the motivation).
        } else if ("relay.candidacy.left".equals(message.type())) {
            // Re-scoping took it away: forget it, nothing more of it will come.
        }
    }

    /** Makes a blocked {@link #pollOnce} throw {@link WakeupException}: safe from another thread. */
    public void stop() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
