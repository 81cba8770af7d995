package fr.tremplin.applications.repository;

import fr.tremplin.common.persistence.SqlValues;
import fr.tremplin.applications.api.NotificationContactView;
import fr.tremplin.applications.domain.notifications.PartyKind;
import fr.tremplin.applications.domain.notifications.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The parties' contacts ({@code notification_contact}): the only place an address is kept, never in an event, a log or
 * the audit trail's detail. A family's goes with the pupil's erasure ({@link #eraseFamily}).
 */
@ApplicationScoped
public class NotificationContacts {

    private final EntityManager em;

    public NotificationContacts(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<NotificationContactView> find(Recipient party) {
        List<?> rows = em.createNativeQuery("SELECT party_kind, party_id, email, language, non_essential, daily_digest, "
                        + "phone, updated_at, version FROM notification_contact WHERE party_kind = ?1 AND party_id = ?2")
                .setParameter(1, party.kind().name()).setParameter(2, party.id()).getResultList();
        return rows.stream().findFirst().map(row -> view((Object[]) row));
    }

    /**
     * The contacts of a batch's recipients, in one query. The kinds are in the query for the primary key's sake
     * (party_kind, party_id): without them PostgreSQL read the whole table for each batch (203 pages for 9,900
     * contacts in the campaign benchmark; a national year holds hundreds of thousands). A school's UAI and a host's
     * or family's id never look alike, and each row's kind is checked here anyway.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Map<Recipient, NotificationContactView> findAll(Collection<Recipient> parties) {
        if (parties.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createNativeQuery("SELECT party_kind, party_id, email, language, non_essential, "
                        + "daily_digest, phone, updated_at, version FROM notification_contact"
                        + " WHERE party_kind IN (:kinds) AND party_id IN (:ids)")
                .setParameter("kinds", parties.stream().map(party -> party.kind().name()).distinct().toList())
                .setParameter("ids", parties.stream().map(Recipient::id).distinct().toList()).getResultList();
        Map<Recipient, NotificationContactView> contacts = new HashMap<>();
        for (Object[] r : rows) {
            Recipient party = new Recipient(PartyKind.valueOf((String) r[0]), (String) r[1]);
            if (parties.contains(party)) {
                contacts.put(party, view(r));
            }
        }
        return contacts;
    }

    private static NotificationContactView view(Object[] r) {
        return new NotificationContactView((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (Boolean) r[4], (Boolean) r[5], (String) r[6], SqlValues.instant(r[7]), ((Number) r[8]).intValue());
    }

    /** Creates or replaces the contact; returns it as stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public NotificationContactView save(Recipient party, String email, String language, boolean nonEssential,
                                        boolean dailyDigest, String phone, Instant now) {
        em.createNativeQuery("INSERT INTO notification_contact (party_kind, party_id, email, language, non_essential, "
                        + "daily_digest, phone, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?8, ?7) "
                        + "ON CONFLICT (party_kind, party_id) DO UPDATE SET email = EXCLUDED.email, "
                        + "language = EXCLUDED.language, non_essential = EXCLUDED.non_essential, "
                        + "daily_digest = EXCLUDED.daily_digest, phone = EXCLUDED.phone, updated_at = EXCLUDED.updated_at, "
                        + "version = notification_contact.version + 1")
                .setParameter(1, party.kind().name()).setParameter(2, party.id()).setParameter(3, email)
                .setParameter(4, language).setParameter(5, nonEssential).setParameter(6, dailyDigest)
                .setParameter(7, Timestamp.from(now)).setParameter(8, phone).executeUpdate();
        return find(party).orElseThrow();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean delete(Recipient party) {
        return em.createNativeQuery("DELETE FROM notification_contact WHERE party_kind = ?1 AND party_id = ?2")
                .setParameter(1, party.kind().name()).setParameter(2, party.id()).executeUpdate() > 0;
    }

    /**
     * A pupil's erasure: the family's contact is deleted, the addresses its emails went to (and the errors, which an
     * SMTP server may word with the address) are blanked in the delivery log, and what was still to be sent to it is
     * skipped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseFamily(UUID pupilId) {
        delete(new Recipient(PartyKind.FAMILY, pupilId.toString()));
        em.createNativeQuery("UPDATE notification SET recipient = NULL, last_error = NULL, "
                        + "status = CASE WHEN status IN ('QUEUED', 'RETRYING') THEN 'SKIPPED' ELSE status END, "
                        + "skip_reason = CASE WHEN status IN ('QUEUED', 'RETRYING') THEN 'pupil erased' ELSE skip_reason END "
                        + "WHERE pupil_id = ?1 AND party_kind = 'FAMILY'")
                .setParameter(1, pupilId).executeUpdate();
    }

}
