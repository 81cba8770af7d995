package fr.tremplin.applications.service;

import fr.tremplin.applications.api.SchoolEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;

/**
 * Keeps {@link fr.tremplin.applications.domain.ClassTeacherCopy} from schools-service's
 * {@code class.main-teacher-assigned} / {@code -unassigned} events, so that a main teacher's classes are here too
 * their token's {@code classes} claim and the classes their principal recorded ({@link ApplicationAccess#ledClasses}).
 * <p>
 * Each (class, person) keeps the latest event by time: one upsert, so that two deliveries at once cannot both win. An
 * end that arrives before its start leaves a row that does not lead, and the older start then changes nothing; at
 * the same instant the end wins (refusing is the safe side). A duplicate never reaches here (processed ids,
 * tremplin-common's {@code EventIntake}), and would change nothing anyway.
 */
@ApplicationScoped
public class ClassTeacherCopies {

    private final EntityManager em;

    public ClassTeacherCopies(EntityManager em) {
        this.em = em;
    }

    /** Runs in the transaction that records the event's delivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(SchoolEvent.ClassTeacherChanged event) {
        em.createNativeQuery("""
                        INSERT INTO class_teacher_copy (class_id, person_id, uai, leads, as_of) VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (class_id, person_id) DO UPDATE
                            SET uai = EXCLUDED.uai, leads = EXCLUDED.leads, as_of = EXCLUDED.as_of
                            WHERE class_teacher_copy.as_of < EXCLUDED.as_of
                               OR (class_teacher_copy.as_of = EXCLUDED.as_of AND NOT EXCLUDED.leads)""")
                .setParameter(1, event.classId())
                .setParameter(2, event.personId())
                .setParameter(3, event.uai())
                .setParameter(4, event.leads())
                .setParameter(5, Timestamp.from(event.asOf()))
                .executeUpdate();
    }
}
