package fr.tremplin.applications.repository;

import fr.tremplin.common.persistence.SqlValues;
import fr.tremplin.applications.domain.ApplicationState;
import fr.tremplin.applications.domain.SchoolCopy;
import fr.tremplin.applications.domain.programme.ProgrammeCopy;
import fr.tremplin.applications.domain.programme.SeatAllocation;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The programmes' seats and nominations (issue 13): {@code programme_allocation} and its lines
 * {@code programme_school_seats}, {@code nomination}, and the schools of a programme's territory. Native SQL: the lines
 * are {@link SeatAllocation.Line}s, the pure rule's own type.
 */
@ApplicationScoped
public class ProgrammeRepository {

    /**
     * A nomination that holds a place in its school's quota and its week: any but a cancelled, rejected, expired or
     * redirected one (a completed internship still took its place).
     */
    private static final String LIVE = "a.state NOT IN ('CANCELLED', 'REJECTED', 'EXPIRED', 'REDIRECTED')";

    /** A stored allocation's header (the lines are read apart). */
    public record Allocation(UUID programmeId, String schoolYear, int totalSeats, int weeks, int seatsPerWeek,
                             SeatAllocation.Weights weights, boolean minimumOneSeatPerSchool, String computedBy,
                             Instant computedAt, int version) {
    }

    /** One nomination as its list shows it. */
    public record NominationRow(UUID applicationId, UUID programmeId, UUID pupilId, String schoolUai, String week,
                                String gender, ApplicationState state, String nominatedBy, String nominatedByRole,
                                Instant nominatedAt) {
    }

    private final EntityManager em;

    public ProgrammeRepository(EntityManager em) {
        this.em = em;
    }

    /** The schools of a programme's territory (its départements, its bassin or its UAIs), in UAI order. */
    public List<SchoolCopy> schoolsOf(ProgrammeCopy programme) {
        if (!programme.departments().isEmpty()) {
            return SchoolCopy.list("department in ?1 order by uai", programme.departments());
        }
        if (programme.territoryBassin != null) {
            return SchoolCopy.list("bassin = ?1 order by uai", programme.territoryBassin);
        }
        return SchoolCopy.list("uai in ?1 order by uai", programme.uais());
    }

    /** The allocation's row, locked until the end of the transaction: allocations, declines and nominations queue. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Allocation> lockAllocation(UUID programmeId) {
        return allocation(programmeId, " FOR UPDATE");
    }

    public Optional<Allocation> allocation(UUID programmeId) {
        return allocation(programmeId, "");
    }

    private Optional<Allocation> allocation(UUID programmeId, String lock) {
        List<?> rows = em.createNativeQuery("SELECT programme_id, school_year, total_seats, weeks, seats_per_week, "
                        + "weight_rep_plus, weight_rep, weight_none, minimum_one_seat_per_school, computed_by, "
                        + "computed_at, version FROM programme_allocation WHERE programme_id = ?1" + lock)
                .setParameter(1, programmeId).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] c = (Object[]) row;
            return new Allocation((UUID) c[0], (String) c[1], number(c[2]), number(c[3]), number(c[4]),
                    new SeatAllocation.Weights((BigDecimal) c[5], (BigDecimal) c[6], (BigDecimal) c[7]),
                    (Boolean) c[8], (String) c[9], SqlValues.instant(c[10]), number(c[11]));
        });
    }

    /** Replaces a programme's allocation (header and every line). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(Allocation allocation, List<SeatAllocation.Line> lines) {
        em.createNativeQuery("INSERT INTO programme_allocation (programme_id, school_year, total_seats, weeks, "
                        + "seats_per_week, weight_rep_plus, weight_rep, weight_none, minimum_one_seat_per_school, "
                        + "computed_by, computed_at, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0) "
                        + "ON CONFLICT (programme_id) DO UPDATE SET school_year = excluded.school_year, "
                        + "total_seats = excluded.total_seats, weeks = excluded.weeks, "
                        + "seats_per_week = excluded.seats_per_week, weight_rep_plus = excluded.weight_rep_plus, "
                        + "weight_rep = excluded.weight_rep, weight_none = excluded.weight_none, "
                        + "minimum_one_seat_per_school = excluded.minimum_one_seat_per_school, "
                        + "computed_by = excluded.computed_by, computed_at = excluded.computed_at, "
                        + "version = programme_allocation.version + 1")
                .setParameter(1, allocation.programmeId()).setParameter(3, allocation.totalSeats()).setParameter(4, allocation.weeks())
                .setParameter(5, allocation.seatsPerWeek()).setParameter(6, allocation.weights().repPlus())
                .setParameter(7, allocation.weights().rep()).setParameter(8, allocation.weights().none())
                .setParameter(9, allocation.minimumOneSeatPerSchool()).setParameter(10, allocation.computedBy())
                .setParameter(11, OffsetDateTime.ofInstant(allocation.computedAt(), java.time.ZoneOffset.UTC))
                .unwrap(NativeQuery.class).setParameter(2, allocation.schoolYear(), String.class)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM programme_school_seats WHERE programme_id = ?1")
                .setParameter(1, allocation.programmeId()).executeUpdate();
        // one batch for every school of the territory (thousands on a national programme)
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO programme_school_seats "
                    + "(programme_id, uai, priority, counted, headcount, weight, weighted_headcount, guaranteed, quota, "
                    + "floor_seats, remainder, remainder_rank, extra_seats, seats, declined) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (SeatAllocation.Line line : lines) {
                    insert.setObject(1, allocation.programmeId());
                    insert.setString(2, line.uai());
                    insert.setString(3, line.priority());
                    insert.setBoolean(4, line.counted());
                    insert.setObject(5, line.headcount(), Types.INTEGER);
                    insert.setBigDecimal(6, line.weight());
                    insert.setBigDecimal(7, line.weightedHeadcount());
                    insert.setInt(8, line.guaranteed());
                    insert.setBigDecimal(9, line.quota());
                    insert.setInt(10, line.floor());
                    insert.setBigDecimal(11, line.remainder());
                    insert.setObject(12, line.rank(), Types.INTEGER);
                    insert.setInt(13, line.extraSeats());
                    insert.setInt(14, line.seats());
                    insert.setBoolean(15, line.declined());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** After a decline: the seats of every line, the decliner marked, the allocation one version later. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void declined(UUID programmeId, String uai, String by, Instant at, List<SeatAllocation.Line> lines) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE programme_school_seats "
                    + "SET seats = ?, extra_seats = ? WHERE programme_id = ? AND uai = ?")) {
                for (SeatAllocation.Line line : lines) {
                    update.setInt(1, line.seats());
                    update.setInt(2, line.extraSeats());
                    update.setObject(3, programmeId);
                    update.setString(4, line.uai());
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
        em.createNativeQuery("UPDATE programme_school_seats SET declined = true, declined_by = ?3, declined_at = ?4 "
                        + "WHERE programme_id = ?1 AND uai = ?2")
                .setParameter(1, programmeId).setParameter(2, uai).setParameter(3, by)
                .setParameter(4, OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC)).executeUpdate();
        em.createNativeQuery("UPDATE programme_allocation SET version = version + 1 WHERE programme_id = ?1")
                .setParameter(1, programmeId).executeUpdate();
    }

    /** Every line of a programme's allocation, in UAI order. */
    public List<SeatAllocation.Line> lines(UUID programmeId) {
        return lines("WHERE programme_id = ?1 ORDER BY uai", programmeId, null);
    }

    public Optional<SeatAllocation.Line> line(UUID programmeId, String uai) {
        return lines("WHERE programme_id = ?1 AND uai = ?2", programmeId, uai).stream().findFirst();
    }

    private List<SeatAllocation.Line> lines(String where, UUID programmeId, String uai) {
        Query query = em.createNativeQuery("SELECT uai, priority, counted, headcount, weight, weighted_headcount, "
                + "guaranteed, quota, floor_seats, remainder, remainder_rank, extra_seats, seats, declined "
                + "FROM programme_school_seats " + where).setParameter(1, programmeId);
        if (uai != null) {
            query.setParameter(2, uai);
        }
        List<SeatAllocation.Line> lines = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            lines.add(new SeatAllocation.Line((String) c[0], (String) c[1], (Boolean) c[2], nullableNumber(c[3]),
                    (BigDecimal) c[4], (BigDecimal) c[5], number(c[6]), (BigDecimal) c[7], number(c[8]),
                    (BigDecimal) c[9], nullableNumber(c[10]), number(c[11]), number(c[12]), (Boolean) c[13]));
        }
        return lines;
    }

    /** Whether any nomination (whatever its state) was ever made to the programme: the allocation is then fixed. */
    public boolean anyNomination(UUID programmeId) {
        return !em.createNativeQuery("SELECT 1 FROM nomination WHERE programme_id = ?1 LIMIT 1")
                .setParameter(1, programmeId).getResultList().isEmpty();
    }

    /** The live nominations of one school to the programme (all weeks): what its quota allows. */
    public long liveOfSchool(UUID programmeId, String uai) {
        return count("SELECT count(*) FROM nomination n JOIN application a ON a.id = n.application_id "
                + "WHERE n.programme_id = ?1 AND n.school_uai = ?2 AND " + LIVE, programmeId, uai);
    }

    /** The live nominations of one week of the programme: at most its seats per week. */
    public long liveOfWeek(UUID programmeId, String week) {
        return count("SELECT count(*) FROM nomination n JOIN application a ON a.id = n.application_id "
                + "WHERE n.programme_id = ?1 AND n.week = ?2 AND " + LIVE, programmeId, week);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insertNomination(UUID applicationId, UUID programmeId, String uai, String week, String gender,
                                 String by, String role, Instant at) {
        em.createNativeQuery("INSERT INTO nomination (application_id, programme_id, school_uai, week, gender, "
                        + "nominated_by, nominated_by_role, nominated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, applicationId).setParameter(2, programmeId).setParameter(3, uai)
                .setParameter(4, week).setParameter(6, by).setParameter(7, role)
                .setParameter(8, OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                .unwrap(NativeQuery.class).setParameter(5, gender, String.class).executeUpdate();
    }

    /** The programme's FORWARDED nominations of a week, oldest first: what a bulk accept answers. */
    public List<UUID> forwardedOfWeek(UUID programmeId, String week) {
        List<?> ids = em.createNativeQuery("SELECT n.application_id FROM nomination n JOIN application a "
                        + "ON a.id = n.application_id WHERE n.programme_id = ?1 AND n.week = ?2 AND a.state = 'FORWARDED' "
                        + "ORDER BY n.nominated_at, n.application_id")
                .setParameter(1, programmeId).setParameter(2, week).getResultList();
        return ids.stream().map(UUID.class::cast).toList();
    }

    /** A page of the programme's nominations (one week and school when given), oldest first. */
    public Page<NominationRow> nominations(UUID programmeId, String week, String uai, PageParams page) {
        String where = "WHERE n.programme_id = ?1 AND (CAST(?2 AS text) IS NULL OR n.week = ?2) "
                + "AND (CAST(?3 AS text) IS NULL OR n.school_uai = ?3)";
        Query counting = em.createNativeQuery("SELECT count(*) FROM nomination n " + where)
                .setParameter(1, programmeId).unwrap(NativeQuery.class)
                .setParameter(2, week, String.class).setParameter(3, uai, String.class);
        long total = ((Number) counting.getSingleResult()).longValue();
        List<?> rows = em.createNativeQuery("SELECT n.application_id, n.programme_id, a.pupil_id, n.school_uai, n.week, "
                        + "CAST(n.gender AS text), a.state, n.nominated_by, n.nominated_by_role, n.nominated_at FROM nomination n "
                        + "JOIN application a ON a.id = n.application_id " + where
                        + " ORDER BY n.nominated_at, n.application_id LIMIT ?4 OFFSET ?5")
                .setParameter(1, programmeId).setParameter(4, page.size).setParameter(5, page.offset())
                .unwrap(NativeQuery.class).setParameter(2, week, String.class).setParameter(3, uai, String.class)
                .getResultList();
        List<NominationRow> items = new ArrayList<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            items.add(new NominationRow((UUID) c[0], (UUID) c[1], (UUID) c[2], (String) c[3], (String) c[4],
                    (String) c[5], ApplicationState.valueOf((String) c[6]), (String) c[7], (String) c[8],
                    SqlValues.instant(c[9])));
        }
        return new Page<>(items, page.page, page.size, total);
    }

    /**
     * A pupil's erasure: the gender a school gave when nominating them goes too, and the week plans' groups count
     * them as unknown from then on (the counts must not keep what the nomination no longer does).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseGenderOfPupil(UUID pupilId) {
        em.createNativeQuery("UPDATE programme_group g SET females = g.females - (CASE WHEN n.gender = 'F' THEN 1 ELSE 0 END), "
                + "males = g.males - (CASE WHEN n.gender = 'M' THEN 1 ELSE 0 END), unknown = g.unknown + 1 "
                + "FROM programme_group_member m JOIN nomination n ON n.application_id = m.application_id "
                + "JOIN application a ON a.id = n.application_id WHERE a.pupil_id = ?1 AND n.gender IS NOT NULL "
                + "AND g.programme_id = m.programme_id AND g.week = m.week AND g.number = m.group_number")
                .setParameter(1, pupilId).executeUpdate();
        em.createNativeQuery("UPDATE nomination SET gender = NULL WHERE gender IS NOT NULL AND application_id IN "
                + "(SELECT id FROM application WHERE pupil_id = ?1)").setParameter(1, pupilId).executeUpdate();
    }

    private long count(String sql, Object... parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }

    private static Integer nullableNumber(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

}
