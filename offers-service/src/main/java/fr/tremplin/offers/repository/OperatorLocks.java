package fr.tremplin.offers.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Transaction-scoped advisory locks that serialise an operator's concurrent pushes of one reference, and of one host
 * organisation, so that 12 identical PUTs at once make one offer and one organisation (the others then find them and
 * answer as a repeated PUT does) instead of failing on the unique index or the organisation's version.
 * Always taken in the same order (the reference's, then the organisation's; one of each per transaction), so two
 * pushes never wait on each other in a cycle. Released at commit or rollback.
 */
@ApplicationScoped
public class OperatorLocks {

    private static final int REFERENCE = 0x4f524546;     // "OREF": the lock space of operators' references
    private static final int ORGANISATION = 0x4f4f5247;  // "OORG": of their organisations

    private final EntityManager em;

    public OperatorLocks(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reference(String operator, String externalRef) {
        lock(REFERENCE, operator + "\u001f" + externalRef);
    }

    /** {@code key}: the SIRET, else the name and zip code the organisation is matched on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void organisation(String operator, String key) {
        lock(ORGANISATION, operator + "\u001f" + key);
    }

    private void lock(int space, String key) {
        em.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(?1, hashtext(?2)) AS text)")
                .setParameter(1, space).setParameter(2, key).getSingleResult();
    }
}
