package fr.tremplin.applications.service.notifications;

import fr.tremplin.applications.config.NotificationConfig;
import fr.tremplin.applications.repository.NotificationLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * The emails no event causes: the family's reminder 48 hours before its hold ends (while the candidacy is still
 * ACCEPTED), and the hosts' daily digest of their forwarded candidacies. Both only queue rows, which the sender sends.
 * Safe with several instances and idempotent: a reminder's event id is derived from the candidacy and its hold's end
 * (a second pass, or another instance, queues nothing more); a digest takes each waiting row once.
 */
@ApplicationScoped
public class NotificationTimers {

    private static final Logger LOG = Logger.getLogger(NotificationTimers.class);

    private final NotificationLog log;
    private final NotificationConfig config;
    private final Clock clock;

    public NotificationTimers(NotificationLog log, NotificationConfig config, Clock clock) {
        this.log = log;
        this.config = config;
        this.clock = clock;
    }

    // not once the service is stopping (as ExpiryJob)
    @Scheduled(identity = "hold-reminders", every = "${tremplin.notifications.reminder-every:10m}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledReminders() {
        int queued = remindHolds();
        if (queued > 0) {
            LOG.infof("queued %d hold reminders", queued);
        }
    }

    @Scheduled(identity = "host-digests", cron = "${tremplin.notifications.digest-cron:0 0 7 * * ?}",
            timeZone = "Europe/Paris", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledDigests() {
        int queued = digest();
        if (queued > 0) {
            LOG.infof("queued %d host digests", queued);
        }
    }

    /** Queues the reminders of the holds ending within {@code reminder-before}; returns how many. */
    public int remindHolds() {
        return QuarkusTransaction.requiringNew().call(() -> log.queueHoldReminders(clock.instant(),
                config.reminderBefore()));
    }

    /** Queues one digest per host with forwarded candidacies waiting; returns how many. */
    public int digest() {
        return QuarkusTransaction.requiringNew().call(() -> log.queueDigests(clock.instant()));
    }
}
