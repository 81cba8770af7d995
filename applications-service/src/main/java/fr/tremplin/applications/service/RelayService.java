package fr.tremplin.applications.service;

import fr.tremplin.applications.config.ApplicationsConfig;
import fr.tremplin.applications.domain.Relay;
import fr.tremplin.applications.repository.ApplicationRepository;
import fr.tremplin.applications.api.ApplicationSummary;
import fr.tremplin.applications.api.ClaimView;
import fr.tremplin.applications.api.RelayRequest;
import fr.tremplin.applications.api.RelayView;
import fr.tremplin.common.kafka.KafkaAccess;
import fr.tremplin.common.audit.AuditTrail;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Relays and their territories (admin), and a relay's work queue: its SUBMITTED candidacies, oldest first, and the
 * claim that leases a batch to one agent for {@code tremplin.applications.claim-lease}. A relay's token carries
 * {@code relay} = its id; another relay's queue is refused (403). Deactivation and deletion: {@link RelayDeactivation}.
 */
@ApplicationScoped
public class RelayService {

    public record Saved(RelayView relay, boolean created) {
    }

    private final EntityManager em;
    private final ApplicationRepository applications;
    private final AuditTrail audit;
    private final ApplicationsConfig config;
    private final Clock clock;
    private final RelayDeactivation deactivation;
    private final RelayTerritory territory;
    private final RelayFeeds feedTopics;

    public RelayService(EntityManager em, ApplicationRepository applications, AuditTrail audit,
                        ApplicationsConfig config, Clock clock, RelayDeactivation deactivation,
                        RelayTerritory territory, RelayFeeds feedTopics) {
        this.em = em;
        this.applications = applications;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.deactivation = deactivation;
        this.territory = territory;
        this.feedTopics = feedTopics;
    }

    /**
     * Creates or replaces a relay and its départements; 409 when one of them is another relay's. Its feed topic is
     * created first (503 when the broker cannot be reached: nothing is saved). Re-scoping moves the open candidacies
     * ({@link RelayTerritory}).
     */
    @Transactional
    public Saved put(Caller caller, String relayId, RelayRequest request) {
        if (KafkaAccess.relayPrincipal(relayId).equals(KafkaAccess.RELAY_ACCOUNTS)) {
            // its Kafka principal would be applications-service's own account-making one (docs/KAFKA.md)
            throw ProblemException.unprocessable("relayId", "is reserved: choose another relay id");
        }
        List<String> departments = List.copyOf(new TreeSet<>(request.departments()));
        Instant now = clock.instant();
        Relay relay = em.find(Relay.class, relayId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        boolean created = relay == null;
        List<String> before = created ? List.of() : departments(relayId);
        if (created) {
            relay = new Relay();
            relay.id = relayId;
            relay.createdAt = now;
        }
        relay.name = request.name().strip();
        relay.updatedAt = now;
        relay.persist();
        em.flush();
        if (!departments.isEmpty()) {
            List<?> taken = em.createNativeQuery("SELECT department || ' (' || relay_id || ')' FROM relay_department "
                            + "WHERE department IN (?1) AND relay_id <> ?2 ORDER BY department")
                    .setParameter(1, departments).setParameter(2, relayId).getResultList();
            if (!taken.isEmpty()) {
                throw ProblemException.conflict("already covered by another relay: "
                        + String.join(", ", taken.stream().map(String::valueOf).toList()));
            }
        }
        // only the départements that change hands are deleted or inserted: a submission share-locks its
        // département's row (ApplicationRepository.relayCovering), and a row deleted and inserted again would send
        // a concurrent submission of an unchanged département to the host
        for (String department : before) {
            if (!departments.contains(department)) {
                em.createNativeQuery("DELETE FROM relay_department WHERE relay_id = ?1 AND department = ?2")
                        .setParameter(1, relayId).setParameter(2, department).executeUpdate();
            }
        }
        for (String department : departments) {
            if (!before.contains(department)) {
                em.createNativeQuery("INSERT INTO relay_department (department, relay_id) VALUES (?1, ?2)")
                        .setParameter(1, department).setParameter(2, relayId).executeUpdate();
            }
        }
        territory.rescope(relayId, before, departments);
        feedTopics.ensure(relayId);
        audit.record(caller, created ? "relay.created" : "relay.updated", "relay", relayId,
                "departments=" + String.join(",", departments));
        return new Saved(view(relay, departments), created);
    }

    @Transactional
    public RelayView get(Caller caller, String relayId) {
        requireRelayOrAdmin(caller, relayId);
        Relay relay = Relay.findById(relayId);
        if (relay == null) {
            throw ProblemException.notFound("no relay " + relayId);
        }
        return view(relay, departments(relayId));
    }

    @Transactional
    public Page<RelayView> list(PageParams page) {
        PanacheQuery<Relay> query = Relay.findAll(Sort.ascending("id")).page(page.page, page.size);
        return new Page<>(query.list().stream().map(r -> view(r, departments(r.id))).toList(), page.page, page.size,
                query.count());
    }

    @Transactional
    public Page<ApplicationSummary> queue(Caller caller, String relayId, PageParams page) {
        requireRelayOrAdmin(caller, relayId);
        return applications.queue(relayId, page).map(ApplicationSummary::of);
    }

    /** Leases the oldest unclaimed SUBMITTED candidacies of the queue to the calling agent. */
    @Transactional
    public ClaimView claim(Caller caller, String relayId, int size) {
        requireRelay(caller, relayId);
        deactivation.requireActive(relayId);
        Instant now = clock.instant();
        Instant until = now.plus(config.claimLease());
        List<UUID> ids = applications.claim(relayId, caller.id(), size, now, until);
        return new ClaimView(relayId, caller.id(), until,
                applications.byIds(ids).stream().map(ApplicationSummary::of).toList());
    }

    @Transactional
    public int release(Caller caller, String relayId) {
        requireRelay(caller, relayId);
        return applications.release(relayId, caller.id());
    }

    private static void requireRelay(Caller caller, String relayId) {
        if (!caller.is(Roles.RELAY) || !caller.relay().map(relayId::equals).orElse(false)) {
            throw ProblemException.forbidden("this is another relay's queue");
        }
    }

    private static void requireRelayOrAdmin(Caller caller, String relayId) {
        if (!caller.is(Roles.ADMIN)) {
            requireRelay(caller, relayId);
        }
    }

    private List<String> departments(String relayId) {
        return departments(em, relayId);
    }

    static List<String> departments(EntityManager em, String relayId) {
        return em.createNativeQuery("SELECT department FROM relay_department WHERE relay_id = ?1 ORDER BY department")
                .setParameter(1, relayId).getResultList().stream().map(String::valueOf).toList();
    }

    static RelayView view(Relay relay, List<String> departments) {
        return new RelayView(relay.id, relay.name, departments, relay.active, relay.deactivatedAt, relay.createdAt,
                relay.updatedAt);
    }
}
