package fr.tremplin.applications.service;

import fr.tremplin.applications.domain.Relay;
import fr.tremplin.applications.events.RelayFeedTopics;
import fr.tremplin.common.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Every relay's feed topic exists: created when the relay is registered (before its first message can be written), and
 * checked for every registered relay at startup and every {@code tremplin.applications.relay-feed.check-every} (a
 * topic deleted by hand, or relays registered before feeds existed). Creating an existing topic changes nothing.
 */
@ApplicationScoped
public class RelayFeeds {

    private static final Logger LOG = Logger.getLogger(RelayFeeds.class);

    private final RelayFeedTopics topics;

    public RelayFeeds(RelayFeedTopics topics) {
        this.topics = topics;
    }

    /** The relay's feed topic, now; 503 when the broker cannot create it (the registration is then rolled back). */
    public void ensure(String relayId) {
        try {
            topics.ensure(List.of(relayId));
        } catch (RuntimeException e) {
            LOG.warnf("could not create a relay's feed topic: %s", e.getMessage());
            throw new ProblemException(503, "Service unavailable", "the relay's feed topic could not be created (message broker "
                    + "unavailable): nothing was saved, try again", null);
        }
    }

    @Scheduled(identity = "relay-feed-topics", every = "${tremplin.applications.relay-feed.check-every:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void ensureAll() {
        List<String> relayIds = QuarkusTransaction.requiringNew().call(
                () -> Relay.<Relay>listAll().stream().map(relay -> relay.id).toList());
        try {
            topics.ensure(relayIds);
        } catch (RuntimeException e) {
            LOG.warnf("could not check the relays' feed topics, will try again: %s", e.getMessage());
        }
    }
}
