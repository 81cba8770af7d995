package fr.tremplin.applications.repository;

import fr.tremplin.common.persistence.SqlValues;
import fr.tremplin.applications.domain.cohort.CohortPlan;
import fr.tremplin.applications.domain.cohort.Gender;
import fr.tremplin.applications.domain.cohort.CohortPupil;
import fr.tremplin.applications.domain.cohort.PlanScore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A programme's week plans (issue 13): {@code programme_week_plan}, its groups, members and visits (V7). Native SQL,
 * as {@link ProgrammeRepository}. A member is a candidacy id and its school; genders are counted per group when the
 * plan is stored, never copied pupil by pupil.
 */
@ApplicationScoped
public class CohortRepository {

    /** An accepted nomination or one further on, still alive: who comes to the week. */
    private static final String COMING = "a.state IN ('ACCEPTED', 'CONFIRMED', 'AGREEMENT_SIGNED', 'COMPLETED')";

    /** A stored plan's header. */
    public record PlanHeader(String week, long seed, int pupils, PlanScore score, List<String> bindingConstraints,
                             String plannedBy, Instant plannedAt, int version) {
    }

    /** A stored group with its gender counts. */
    public record GroupRow(int number, int females, int males, int unknown) {
    }

    public record MemberRow(int groupNumber, UUID applicationId, String schoolUai) {
    }

    /** A group's visit: day 2, 3 or 4, the service, and the tutor receiving it (null when the service had none). */
    public record VisitRow(int groupNumber, int day, String serviceId, UUID tutorId, String tutorName) {
    }

    /** A visit to store: its tutor is chosen by the service before. */
    public record Visit(int groupNumber, int day, String serviceId, UUID tutorId) {
    }

    /** How many nominations of a school to a week are in a state. */
    public record NominationCount(String schoolUai, String week, String state, int count) {
    }

    private final EntityManager em;

    public CohortRepository(EntityManager em) {
        this.em = em;
    }

    /** The week's nominations that are ACCEPTED or further on and alive, with the gender their school gave. */
    public List<CohortPupil> comingTo(UUID programmeId, String week) {
        List<?> rows = em.createNativeQuery("SELECT CAST(n.application_id AS text), n.school_uai, n.gender "
                        + "FROM nomination n JOIN application a ON a.id = n.application_id "
                        + "WHERE n.programme_id = ?1 AND n.week = ?2 AND " + COMING + " ORDER BY n.application_id")
                .setParameter(1, programmeId).setParameter(2, week).getResultList();
        List<CohortPupil> pupils = new ArrayList<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            pupils.add(new CohortPupil((String) c[0], (String) c[1],
                    c[2] == null ? Gender.UNKNOWN : Gender.valueOf(c[2].toString())));
        }
        return pupils;
    }

    /** Replaces the week's plan (one version later than the one it replaces). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(UUID programmeId, String week, CohortPlan plan, int pupils, List<GroupRow> groups,
                        List<Visit> visits, String by, Instant at) {
        em.createNativeQuery("DELETE FROM programme_group WHERE programme_id = ?1 AND week = ?2")
                .setParameter(1, programmeId).setParameter(2, week).executeUpdate();
        PlanScore score = plan.score();
        em.createNativeQuery("INSERT INTO programme_week_plan (programme_id, week, seed, pupils, same_school_pairs, "
                        + "same_school_pairs_bound, gender_imbalance, gender_imbalance_bound, load_spread, "
                        + "load_spread_bound, binding_constraints, planned_by, planned_at, version) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 0) "
                        + "ON CONFLICT (programme_id, week) DO UPDATE SET seed = excluded.seed, pupils = excluded.pupils, "
                        + "same_school_pairs = excluded.same_school_pairs, "
                        + "same_school_pairs_bound = excluded.same_school_pairs_bound, "
                        + "gender_imbalance = excluded.gender_imbalance, "
                        + "gender_imbalance_bound = excluded.gender_imbalance_bound, load_spread = excluded.load_spread, "
                        + "load_spread_bound = excluded.load_spread_bound, "
                        + "binding_constraints = excluded.binding_constraints, planned_by = excluded.planned_by, "
                        + "planned_at = excluded.planned_at, version = programme_week_plan.version + 1")
                .setParameter(1, programmeId).setParameter(2, week).setParameter(3, plan.seed())
                .setParameter(4, pupils).setParameter(5, score.sameSchoolPairs())
                .setParameter(6, score.sameSchoolPairsBound()).setParameter(7, score.genderImbalance())
                .setParameter(8, score.genderImbalanceBound()).setParameter(9, score.loadSpread())
                .setParameter(10, score.loadSpreadBound())
                .setParameter(11, plan.bindingConstraints().toArray(String[]::new))
                .setParameter(12, by).setParameter(13, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeUpdate();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement group = connection.prepareStatement("INSERT INTO programme_group "
                    + "(programme_id, week, number, females, males, unknown) VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement member = connection.prepareStatement("INSERT INTO programme_group_member "
                         + "(programme_id, week, group_number, application_id, school_uai) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement visit = connection.prepareStatement("INSERT INTO programme_group_visit "
                         + "(programme_id, week, group_number, day, service_id, tutor_id) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (GroupRow row : groups) {
                    group.setObject(1, programmeId);
                    group.setString(2, week);
                    group.setInt(3, row.number());
                    group.setInt(4, row.females());
                    group.setInt(5, row.males());
                    group.setInt(6, row.unknown());
                    group.addBatch();
                }
                group.executeBatch();
                plan.groups().forEach(planned -> planned.members().forEach(pupil -> {
                    try {
                        member.setObject(1, programmeId);
                        member.setString(2, week);
                        member.setInt(3, planned.number());
                        member.setObject(4, UUID.fromString(pupil.candidacyId()));
                        member.setString(5, pupil.schoolUai());
                        member.addBatch();
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }));
                member.executeBatch();
                for (Visit row : visits) {
                    visit.setObject(1, programmeId);
                    visit.setString(2, week);
                    visit.setInt(3, row.groupNumber());
                    visit.setInt(4, row.day());
                    visit.setString(5, row.serviceId());
                    visit.setObject(6, row.tutorId());
                    visit.addBatch();
                }
                visit.executeBatch();
            }
        });
    }

    public Optional<PlanHeader> header(UUID programmeId, String week) {
        List<?> rows = em.createNativeQuery("SELECT week, seed, pupils, same_school_pairs, same_school_pairs_bound, "
                        + "gender_imbalance, gender_imbalance_bound, load_spread, load_spread_bound, "
                        + "binding_constraints, planned_by, planned_at, version FROM programme_week_plan "
                        + "WHERE programme_id = ?1 AND week = ?2")
                .setParameter(1, programmeId).setParameter(2, week).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] c = (Object[]) row;
            return new PlanHeader((String) c[0], ((Number) c[1]).longValue(), number(c[2]),
                    new PlanScore(number(c[3]), number(c[4]), number(c[5]), number(c[6]), number(c[7]), number(c[8])),
                    Arrays.asList((String[]) c[9]), (String) c[10], SqlValues.instant(c[11]), number(c[12]));
        });
    }

    /** Every week plan of the programme, in week order. */
    public List<PlanHeader> headers(UUID programmeId) {
        List<?> weeks = em.createNativeQuery("SELECT week FROM programme_week_plan WHERE programme_id = ?1 ORDER BY week")
                .setParameter(1, programmeId).getResultList();
        return weeks.stream().map(week -> header(programmeId, (String) week).orElseThrow()).toList();
    }

    public List<GroupRow> groups(UUID programmeId, String week) {
        List<GroupRow> groups = new ArrayList<>();
        for (Object row : rows("SELECT number, females, males, unknown FROM programme_group "
                + "WHERE programme_id = ?1 AND week = ?2 ORDER BY number", programmeId, week)) {
            Object[] c = (Object[]) row;
            groups.add(new GroupRow(number(c[0]), number(c[1]), number(c[2]), number(c[3])));
        }
        return groups;
    }

    public List<MemberRow> members(UUID programmeId, String week) {
        List<MemberRow> members = new ArrayList<>();
        for (Object row : rows("SELECT group_number, application_id, school_uai FROM programme_group_member "
                + "WHERE programme_id = ?1 AND week = ?2 ORDER BY group_number, application_id", programmeId, week)) {
            Object[] c = (Object[]) row;
            members.add(new MemberRow(number(c[0]), (UUID) c[1], (String) c[2]));
        }
        return members;
    }

    public List<VisitRow> visits(UUID programmeId, String week) {
        List<VisitRow> visits = new ArrayList<>();
        for (Object row : rows("SELECT v.group_number, v.day, v.service_id, v.tutor_id, t.name "
                + "FROM programme_group_visit v LEFT JOIN programme_tutor t ON t.id = v.tutor_id "
                + "WHERE v.programme_id = ?1 AND v.week = ?2 ORDER BY v.group_number, v.day", programmeId, week)) {
            Object[] c = (Object[]) row;
            visits.add(new VisitRow(number(c[0]), number(c[1]), (String) c[2], (UUID) c[3], (String) c[4]));
        }
        return visits;
    }

    /** Visits received per tutor of the programme, in the weeks other than {@code exceptWeek} (null: all weeks). */
    public Map<UUID, Integer> visitsPerTutor(UUID programmeId, String exceptWeek) {
        Query query = em.createNativeQuery("SELECT tutor_id, count(*) FROM programme_group_visit WHERE programme_id = ?1 "
                + "AND tutor_id IS NOT NULL AND week <> ?2 GROUP BY tutor_id")
                .setParameter(1, programmeId).setParameter(2, exceptWeek == null ? "" : exceptWeek);
        Map<UUID, Integer> visits = new java.util.HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            visits.put((UUID) c[0], number(c[1]));
        }
        return visits;
    }

    /** The programme's nominations counted by school, week and state of their candidacy. */
    public List<NominationCount> nominationCounts(UUID programmeId) {
        List<NominationCount> counts = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT n.school_uai, n.week, a.state, count(*) FROM nomination n "
                        + "JOIN application a ON a.id = n.application_id WHERE n.programme_id = ?1 "
                        + "GROUP BY n.school_uai, n.week, a.state").setParameter(1, programmeId).getResultList()) {
            Object[] c = (Object[]) row;
            counts.add(new NominationCount((String) c[0], (String) c[1], (String) c[2], number(c[3])));
        }
        return counts;
    }

    private List<?> rows(String sql, UUID programmeId, String week) {
        return em.createNativeQuery(sql).setParameter(1, programmeId).setParameter(2, week).getResultList();
    }

    static int number(Object value) {
        return ((Number) value).intValue();
    }

}
