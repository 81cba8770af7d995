package fr.tremplin.applications.service.notifications;

import fr.tremplin.applications.api.NotificationView;
import fr.tremplin.applications.repository.NotificationLog;
import fr.tremplin.common.audit.AuditTrail;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/** The admins' view of the delivery log: what failed, what was skipped, and sending a FAILED email again. */
@ApplicationScoped
public class NotificationAdmin {

    public static final Set<String> STATUSES = Set.of("QUEUED", "RETRYING", "SENT", "FAILED", "SKIPPED", "DIGEST",
            "DIGESTED");

    private final NotificationLog log;
    private final AuditTrail audit;
    private final Clock clock;

    public NotificationAdmin(NotificationLog log, AuditTrail audit, Clock clock) {
        this.log = log;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Page<NotificationView> list(String status, PageParams page) {
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.invalid("status", "must be one of " + String.join(", ", STATUSES.stream().sorted().toList()));
        }
        return log.page(status, page);
    }

    @Transactional
    public NotificationView resend(Caller caller, UUID id) {
        NotificationView found = log.find(id).orElseThrow(() -> ProblemException.notFound("no notification " + id));
        if (!log.requeue(id, clock.instant())) {
            throw ProblemException.conflict("only a FAILED notification is sent again; this one is " + found.status());
        }
        audit.record(caller, "notification.resent", "notification", id, null);
        return log.find(id).orElseThrow();
    }
}
