package fr.tremplin.applications.repository;

import fr.tremplin.common.persistence.SqlValues;
import fr.tremplin.applications.domain.Application;
import fr.tremplin.applications.domain.ApplicationState;
import fr.tremplin.applications.domain.Transition;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The candidacies' queries: locks, a pupil's counts, scoped lists, relay queues, timers. */
@ApplicationScoped
public class ApplicationRepository {

    /** Namespace of the per-pupil advisory locks (two-int form, apart from the outbox relay's bigint lock). */
    private static final int PUPIL_LOCK_SPACE = 0x61707031;

    private final EntityManager em;

    public ApplicationRepository(EntityManager em) {
        this.em = em;
    }

    /** A pupil's candidacies as the submission rules need them. */
    public record PupilCounts(long open, long placed, long sameOfferAndWeek) {
    }

    /** A condition on the candidacies a caller may see: JPQL with its parameters. */
    public record Scope(String where, Parameters parameters) {
        public static Scope all() {
            return new Scope("1 = 1", new Parameters());
        }
    }

    /** The candidacy's row, locked until the end of the transaction (every transition starts here). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Application> lock(UUID id) {
        return Optional.ofNullable(em.find(Application.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The pupil of a candidacy, read without loading (nor locking) the candidacy. */
    public Optional<UUID> pupilOf(UUID id) {
        List<?> pupils = em.createNativeQuery("SELECT pupil_id FROM application WHERE id = ?1").setParameter(1, id)
                .getResultList();
        return pupils.stream().findFirst().map(UUID.class::cast);
    }

    public Optional<Application> find(UUID id) {
        return Optional.ofNullable(em.find(Application.class, id));
    }

    /**
     * Serialises the writes that concern one pupil (submissions, redirections, confirmations), so that two concurrent
     * requests cannot both pass the "at most N open" or "one per offer and week" checks.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockPupil(UUID pupilId) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1, ?2)) AS locked")
                .setParameter(1, PUPIL_LOCK_SPACE).setParameter(2, pupilId.hashCode()).getSingleResult();
    }

    public PupilCounts pupilCounts(UUID pupilId, UUID offerId, String week) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT "
                        + "count(*) FILTER (WHERE state IN " + ApplicationState.sql(ApplicationState.OPEN) + "), "
                        + "count(*) FILTER (WHERE state IN " + ApplicationState.sql(ApplicationState.PLACED) + "), "
                        + "count(*) FILTER (WHERE offer_id = ?2 AND week = ?3 AND state NOT IN ('CANCELLED', 'EXPIRED')) "
                        + "FROM application WHERE pupil_id = ?1")
                .setParameter(1, pupilId).setParameter(2, offerId).setParameter(3, week).getSingleResult();
        return new PupilCounts(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue());
    }

    /** The pupil's other open candidacies, locked (in id order), for the cancellation that follows a confirmation. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Application> lockOpenOfPupil(UUID pupilId, UUID except) {
        return em.createNativeQuery("SELECT * FROM application WHERE pupil_id = ?1 AND id <> ?2 AND state IN "
                        + ApplicationState.sql(ApplicationState.OPEN) + " ORDER BY id FOR UPDATE", Application.class)
                .setParameter(1, pupilId).setParameter(2, except).getResultList();
    }

    /** The candidacies of an offer (one week, or all when {@code week} is null) in the given states, locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Application> lockOfOffer(UUID offerId, String week, Set<ApplicationState> states) {
        var query = em.createNativeQuery("SELECT * FROM application WHERE offer_id = ?1 "
                + (week == null ? "" : "AND week = ?2 ") + "AND state IN " + ApplicationState.sql(states)
                + " ORDER BY id FOR UPDATE", Application.class).setParameter(1, offerId);
        if (week != null) {
            query.setParameter(2, week);
        }
        return query.getResultList();
    }

    /** The live candidacies of a pupil ({@link ApplicationState#LIVE}), locked (for an erasure or a move). */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Application> lockLiveOfPupil(UUID pupilId) {
        return em.createNativeQuery("SELECT * FROM application WHERE pupil_id = ?1 AND state IN "
                        + ApplicationState.sql(ApplicationState.LIVE) + " ORDER BY id FOR UPDATE", Application.class)
                .setParameter(1, pupilId).getResultList();
    }

    /** What an erasure leaves of a pupil's free texts: the reasons people wrote are replaced by this marker. */
    public static final String ERASED = "[erased]";

    /**
     * Removes every free text and personal datum of an erased pupil kept here, keeping the rows, their counts and
     * their states: the candidacies' motivation (nulled), the reasons people wrote in their history (replaced by
     * {@link #ERASED}; the system's own reasons, such as "pupil erased", stay), the agreements' tutor, signing
     * link, family part (the pupil's and legal representative's names), activities and signers' names, the same reasons in the outbox's payloads (published or not) and the stored answers of idempotent
     * submissions (which repeat the motivation). Flushes first, so that no pending change of the session writes a
     * text back afterwards.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseTextsOfPupil(UUID pupilId, String applicationsTopic) {
        em.flush();
        em.createNativeQuery("UPDATE application SET motivation = NULL WHERE pupil_id = ?1 AND motivation IS NOT NULL")
                .setParameter(1, pupilId).executeUpdate();
        em.createNativeQuery("UPDATE application_transition t SET reason = ?2 FROM application a "
                        + "WHERE a.id = t.application_id AND a.pupil_id = ?1 AND t.reason IS NOT NULL "
                        + "AND t.actor_role <> 'system'")
                .setParameter(1, pupilId).setParameter(2, ERASED).executeUpdate();
        em.createNativeQuery("UPDATE agreement SET tutor_name = NULL, tutor_function = NULL, signing_token_hash = NULL, "
                        + "signing_token_expires_at = NULL, pupil_name = NULL, legal_representative_name = NULL, "
                        + "activities = NULL, principal_signer_name = NULL, host_signer_name = NULL, "
                        + "family_signer_name = NULL WHERE pupil_id = ?1")
                .setParameter(1, pupilId).executeUpdate();
        em.createNativeQuery("UPDATE outbox_event o SET payload = jsonb_set(o.payload, '{reason}', to_jsonb(CAST(?3 AS text))) "
                        + "FROM application a WHERE a.pupil_id = ?1 AND o.topic = ?2 AND o.message_key = CAST(a.id AS text) "
                        + "AND o.payload->>'reason' IS NOT NULL AND o.payload->>'actor' <> 'system'")
                .setParameter(1, pupilId).setParameter(2, applicationsTopic).setParameter(3, ERASED).executeUpdate();
        em.createNativeQuery("DELETE FROM idempotency_key k USING application a "
                        + "WHERE a.pupil_id = ?1 AND k.location LIKE '%/' || CAST(a.id AS text)")
                .setParameter(1, pupilId).executeUpdate();
    }

    public Page<Application> search(Scope scope, ApplicationState state, UUID offerId, String week, UUID pupilId,
                                    PageParams page) {
        StringBuilder where = new StringBuilder(scope.where());
        Parameters parameters = scope.parameters();
        if (state != null) {
            where.append(" and state = :state");
            parameters.and("state", state);
        }
        if (offerId != null) {
            where.append(" and offerId = :offerId");
            parameters.and("offerId", offerId);
        }
        if (week != null) {
            where.append(" and week = :week");
            parameters.and("week", week);
        }
        if (pupilId != null) {
            where.append(" and pupilId = :pupilId");
            parameters.and("pupilId", pupilId);
        }
        PanacheQuery<Application> query = Application.find(where.toString(),
                Sort.descending("submittedAt").and("id"), parameters).page(page.page, page.size);
        return new Page<>(query.list(), page.page, page.size, query.count());
    }

    /** A relay's SUBMITTED candidacies, oldest first. */
    public Page<Application> queue(String relayId, PageParams page) {
        PanacheQuery<Application> query = Application.find("relayId = ?1 and state = ?2",
                Sort.ascending("submittedAt").and("id"), relayId, ApplicationState.SUBMITTED).page(page.page, page.size);
        return new Page<>(query.list(), page.page, page.size, query.count());
    }

    /**
     * Leases up to {@code size} of the relay's SUBMITTED candidacies, oldest first, to one agent: those nobody holds
     * (or whose lease ran out) or that this agent already holds. Rows another transaction is claiming right now are
     * skipped ({@code FOR UPDATE SKIP LOCKED}), so two agents claiming at once get disjoint batches.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<UUID> claim(String relayId, String agent, int size, Instant now, Instant until) {
        List<Object> ids = em.createNativeQuery("UPDATE application SET claimed_by = ?1, claimed_until = ?2 "
                        + "WHERE id IN (SELECT id FROM application WHERE relay_id = ?3 AND state = 'SUBMITTED' "
                        + "AND (claimed_until IS NULL OR claimed_until < ?4 OR claimed_by = ?1) "
                        + "ORDER BY submitted_at, id LIMIT ?5 FOR UPDATE SKIP LOCKED) RETURNING id")
                .setParameter(1, agent).setParameter(2, Timestamp.from(until)).setParameter(3, relayId)
                .setParameter(4, Timestamp.from(now)).setParameter(5, size).getResultList();
        return ids.stream().map(id -> (UUID) id).toList();
    }

    /** Gives back an agent's leases on a relay's queue. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int release(String relayId, String agent) {
        return em.createNativeQuery("UPDATE application SET claimed_by = NULL, claimed_until = NULL "
                        + "WHERE relay_id = ?1 AND claimed_by = ?2 AND state = 'SUBMITTED'")
                .setParameter(1, relayId).setParameter(2, agent).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<Application> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return Application.list("id in ?1", Sort.ascending("submittedAt").and("id"), ids);
    }

    /**
     * The next batch of candidacies whose time ran out, locked with {@code SKIP LOCKED}: SUBMITTED or FORWARDED
     * since before {@code unansweredBefore}, ACCEPTED with a hold that ended before {@code now}. Another instance
     * running the same job at the same moment skips these rows and takes the next ones: nothing is expired twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Application> lockExpired(Instant now, Instant unansweredBefore, int batch) {
        return em.createNativeQuery("SELECT * FROM application WHERE "
                        + "(state IN ('SUBMITTED', 'FORWARDED') AND state_since < ?1) "
                        + "OR (state = 'ACCEPTED' AND hold_expires_at < ?2) "
                        + "ORDER BY id LIMIT ?3 FOR UPDATE SKIP LOCKED", Application.class)
                .setParameter(1, Timestamp.from(unansweredBefore)).setParameter(2, Timestamp.from(now))
                .setParameter(3, batch).getResultList();
    }

    /** A candidacy's history, oldest first: read-only copies (not managed: nothing to track until the commit). */
    @SuppressWarnings("unchecked")
    public List<Transition> history(UUID applicationId) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, action, from_state, to_state, actor, actor_role, reason, at "
                + "FROM application_transition WHERE application_id = ?1 ORDER BY id").setParameter(1, applicationId)
                .getResultList();
        return rows.stream().map(row -> {
            Transition transition = new Transition();
            transition.id = ((Number) row[0]).longValue();
            transition.applicationId = applicationId;
            transition.action = (String) row[1];
            transition.fromState = row[2] == null ? null : ApplicationState.valueOf((String) row[2]);
            transition.toState = ApplicationState.valueOf((String) row[3]);
            transition.actor = (String) row[4];
            transition.actorRole = (String) row[5];
            transition.reason = (String) row[6];
            transition.at = SqlValues.instant(row[7]);
            return transition;
        }).toList();
    }


    /**
     * The active relay covering the département, if any. Its row is share-locked ({@code FOR KEY SHARE}) until the
     * commit: a deactivation or deletion of that relay ({@code FOR UPDATE}) waits for the new candidacy and then
     * hands it back with the others, or runs first and this submission sees no relay (READ COMMITTED re-checks
     * {@code active} on the row it waited for). Concurrent submissions share the lock without waiting for each other.
     * The département's row is share-locked too: a re-scoping that takes the département from the relay (its DELETE)
     * either waits for the new candidacy and then moves it with the others ({@code RelayTerritory}), or runs first and
     * this submission, re-checking the deleted row, sees no relay.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> relayCovering(String department) {
        if (department == null) {
            return Optional.empty();
        }
        List<?> relays = em.createNativeQuery("SELECT r.id FROM relay_department d JOIN relay r ON r.id = d.relay_id "
                        + "WHERE d.department = ?1 AND r.active FOR KEY SHARE OF r, d")
                .setParameter(1, department).getResultList();
        return relays.stream().findFirst().map(String::valueOf);
    }

    /** The relay's SUBMITTED candidacies (those it holds in triage), locked in id order, to hand them back. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Application> lockInTriage(String relayId) {
        return em.createNativeQuery("SELECT * FROM application WHERE relay_id = ?1 AND state = 'SUBMITTED' "
                + "ORDER BY id FOR UPDATE", Application.class).setParameter(1, relayId).getResultList();
    }

    /**
     * The relay's open candidacies (SUBMITTED, FORWARDED, ACCEPTED) of these départements, locked in id order: those
     * a re-scoping takes from it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Application> lockOpenOfRelayIn(String relayId, Collection<String> departments) {
        return em.createNativeQuery("SELECT * FROM application WHERE relay_id = ?1 AND department IN (?2) "
                        + "AND state IN ('SUBMITTED', 'FORWARDED', 'ACCEPTED') ORDER BY id FOR UPDATE", Application.class)
                .setParameter(1, relayId).setParameter(2, departments).getResultList();
    }

    /**
     * The open candidacies of these départements that no relay holds (none, or a deleted one), locked in id order:
     * those a relay takes on.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Application> lockOpenUnroutedIn(Collection<String> departments) {
        return em.createNativeQuery("SELECT * FROM application WHERE (relay_id IS NULL OR relay_id NOT IN "
                        + "(SELECT id FROM relay)) AND department IN (?1) "
                        + "AND state IN ('SUBMITTED', 'FORWARDED', 'ACCEPTED') ORDER BY id FOR UPDATE", Application.class)
                .setParameter(1, departments).getResultList();
    }
}
