package fr.tremplin.applications.repository;

import fr.tremplin.applications.domain.programme.ProgrammeTutor;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A programme's tutors (issue 13) and the visits they receive in the week plans. */
@ApplicationScoped
public class TutorRepository {

    /** The visits of one tutor in one week. */
    public record Load(UUID tutorId, String week, int visits) {
    }

    private final EntityManager em;

    public TutorRepository(EntityManager em) {
        this.em = em;
    }

    /** A page of the programme's tutors, by service then name then id. */
    public Page<ProgrammeTutor> page(UUID programmeId, PageParams page) {
        var query = ProgrammeTutor.find("programmeId = ?1 order by serviceId, name, id", programmeId);
        long total = query.count();
        List<ProgrammeTutor> items = query.page(page.page, page.size).list();
        return new Page<>(items, page.page, page.size, total);
    }

    /** The weekly loads of the given tutors, week order. */
    public Map<UUID, List<Load>> loads(List<UUID> tutorIds) {
        Map<UUID, List<Load>> loads = new HashMap<>();
        if (tutorIds.isEmpty()) {
            return loads;
        }
        List<?> rows = em.createNativeQuery("SELECT tutor_id, week, count(*) FROM programme_group_visit "
                        + "WHERE tutor_id IN (?1) GROUP BY tutor_id, week ORDER BY week")
                .setParameter(1, tutorIds).getResultList();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            Load load = new Load((UUID) c[0], (String) c[1], ((Number) c[2]).intValue());
            loads.computeIfAbsent(load.tutorId(), id -> new ArrayList<>()).add(load);
        }
        return loads;
    }

    /** The weeks whose plans give this tutor a visit. */
    public List<String> weeksOf(UUID tutorId) {
        List<?> weeks = em.createNativeQuery("SELECT DISTINCT week FROM programme_group_visit WHERE tutor_id = ?1 "
                + "ORDER BY week").setParameter(1, tutorId).getResultList();
        return weeks.stream().map(String.class::cast).toList();
    }
}
