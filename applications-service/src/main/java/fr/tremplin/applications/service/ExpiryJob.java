package fr.tremplin.applications.service;

import fr.tremplin.applications.config.ApplicationsConfig;
import fr.tremplin.applications.domain.Action;
import fr.tremplin.applications.domain.Actor;
import fr.tremplin.applications.domain.Application;
import fr.tremplin.applications.repository.ApplicationRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The timers of docs/ARCHITECTURE.md §4: a SUBMITTED or FORWARDED candidacy unanswered for {@code tremplin.applications.unanswered}
 * (15 days) since it entered its state, and an ACCEPTED one whose hold ({@code tremplin.applications.hold}, 5 days)
 * ran out, become EXPIRED (a held seat is released), with their events.
 * <p>
 * Safe with several instances: each batch is locked with {@code FOR UPDATE SKIP LOCKED}, so two instances running at
 * once take disjoint batches, and a candidacy a person is changing at that moment is skipped (and re-examined, in its
 * new state, by the next pass). Idempotent: an expired candidacy no longer matches.
 */
@ApplicationScoped
public class ExpiryJob {

    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);

    private final ApplicationRepository applications;
    private final Transitions transitions;
    private final ApplicationsConfig config;
    private final Clock clock;

    public ExpiryJob(ApplicationRepository applications, Transitions transitions, ApplicationsConfig config,
                     Clock clock) {
        this.applications = applications;
        this.transitions = transitions;
        this.config = config;
        this.clock = clock;
    }

    // not once the service is stopping: the pass would find Hibernate closed and log an ERROR at every shutdown
    @Scheduled(identity = "candidacy-expiry", every = "${tremplin.applications.expiry-every:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        int expired = run();
        if (expired > 0) {
            LOG.infof("expired %d candidacies", expired);
        }
    }

    /** Expires everything due now, batch by batch (one transaction each); returns how many it expired. */
    public int run() {
        int total = 0;
        int expired;
        do {
            expired = QuarkusTransaction.requiringNew().call(this::expireBatch);
            total += expired;
        } while (expired >= config.expiryBatchSize());
        return total;
    }

    private int expireBatch() {
        Instant now = clock.instant();
        List<Application> due = applications.lockExpired(now, now.minus(config.unanswered()), config.expiryBatchSize());
        for (Application application : due) {
            transitions.apply(application, Action.EXPIRE, Actor.SYSTEM, null);
        }
        return due.size();
    }
}
