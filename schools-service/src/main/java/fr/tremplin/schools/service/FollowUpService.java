package fr.tremplin.schools.service;

import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.territory.DepartmentCode;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import fr.tremplin.schools.api.BassinOverview;
import fr.tremplin.schools.api.Figures;
import fr.tremplin.schools.api.Totals;
import fr.tremplin.schools.api.WeekLoad;
import fr.tremplin.schools.api.WithoutPlacement;
import fr.tremplin.schools.domain.Academy;
import fr.tremplin.schools.domain.Bassin;
import fr.tremplin.schools.domain.Priority;
import fr.tremplin.schools.domain.Pupil;
import fr.tremplin.schools.domain.School;
import fr.tremplin.schools.domain.SchoolClass;
import fr.tremplin.schools.repository.BassinLoad;
import fr.tremplin.schools.repository.PlacementFigures;
import fr.tremplin.schools.repository.PlacementFigures.SchoolFilter;
import fr.tremplin.schools.repository.PlacementFigures.Territory;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who is still without an internship, and how a territory is doing: the lists of pupils without a placement
 * (longest wait first) for a class, a school or a bassin, the per-school figures of a territory, and a bassin's
 * week-by-week overview.
 */
@ApplicationScoped
public class FollowUpService {

    /** A bassin overview shows all its schools at once; no bassin comes near this. */
    private static final int BASSIN_SCHOOLS_MAX = 1000;
    private static final Sort LONGEST_WAIT_FIRST = Sort.ascending("withoutPlacementSince", "id");

    private final PlacementFigures figures;
    private final BassinLoad load;
    private final Clock clock;

    public FollowUpService(PlacementFigures figures, BassinLoad load, Clock clock) {
        this.figures = figures;
        this.load = load;
        this.clock = clock;
    }

    @Transactional
    public Page<WithoutPlacement> withoutPlacementInClass(Caller caller, UUID classId, PageParams page) {
        SchoolClass schoolClass = PupilService.existingClass(classId);
        if (!SchoolAccess.of(caller).canReadPupilsOf(schoolClass)) {
            throw ProblemException.forbidden("you do not see the pupils of this class");
        }
        return withoutPlacement("classId = :class and withoutPlacementSince is not null",
                Parameters.with("class", classId), true, page);
    }

    /** A school's pupils without a placement; a main teacher's list holds the classes they lead only. */
    @Transactional
    public Page<WithoutPlacement> withoutPlacementInSchool(Caller caller, String uai, String schoolYear,
                                                           PageParams page) {
        ClassService.existingSchool(uai);
        SchoolAccess access = SchoolAccess.of(caller);
        StringBuilder where = new StringBuilder("uai = :uai and schoolYear = :year and withoutPlacementSince is not null");
        Parameters parameters = Parameters.with("uai", uai).and("year", year(schoolYear));
        if (!access.canReadAllPupilsOf(uai)) {
            if (!access.readsOnlyLedClassesOf(uai)) {
                throw ProblemException.forbidden("you do not see the pupils of " + uai);
            }
            if (access.ledClasses().isEmpty()) {
                return new Page<>(List.of(), page.page, page.size, 0);
            }
            where.append(" and classId in :led");
            parameters.and("led", access.ledClasses());
        }
        return withoutPlacement(where.toString(), parameters, true, page);
    }

    /** A bassin's pupils without a placement, for its coordinator: the same lines, without names. */
    @Transactional
    public Page<WithoutPlacement> withoutPlacementInBassin(Caller caller, String bassinId, String schoolYear,
                                                           PageParams page) {
        coveredBassin(caller, bassinId);
        return withoutPlacement("uai in (select s.uai from School s where s.bassinId = :bassin) and schoolYear = :year"
                        + " and withoutPlacementSince is not null",
                Parameters.with("bassin", bassinId).and("year", year(schoolYear)), false, page);
    }

    /** One school's figures: its staff, the territory covering it, admins. */
    @Transactional
    public Figures schoolFigures(Caller caller, String uai, String schoolYear) {
        School school = ClassService.existingSchool(uai);
        if (!SchoolAccess.of(caller).canReadFiguresOf(school)) {
            throw ProblemException.forbidden("only the staff of " + uai + " and its territory see its figures");
        }
        return figures.bySchool(new SchoolFilter(null, uai, null, null, null, null), year(schoolYear), 0, 1)
                .items().get(0);
    }

    public record TerritoryQuery(String department, String academy, String bassin, String priority,
                                 String schoolYear) {
    }

    /** Per-school figures of the caller's territory (an admin: anywhere), narrowed by the query. */
    @Transactional
    public Page<Figures> territoryFigures(Caller caller, TerritoryQuery query, PageParams page) {
        SchoolAccess access = SchoolAccess.of(caller);
        Territory territory = null;
        if (!access.isAdmin()) {
            if (!access.isTerritoryReferent()) {
                throw ProblemException.forbidden("territory figures are for territorial referents");
            }
            territory = new Territory(access.departments(), access.academy().orElse(null), access.bassin().orElse(null));
            if (territory.departments().isEmpty() && territory.academy() == null && territory.bassin() == null) {
                throw ProblemException.forbidden("your token names no territory (departments, academy or bassin)");
            }
        }
        String department = query.department() == null ? null : DepartmentCode.normalise(query.department())
                .orElseThrow(() -> ProblemException.invalid("department", DepartmentCode.MESSAGE));
        Priority priority = query.priority() == null ? null : Priority.parse(query.priority())
                .orElseThrow(() -> ProblemException.invalid("priority", "must be REP_PLUS, REP or NONE"));
        SchoolFilter filter = new SchoolFilter(territory, null, department,
                query.academy() == null ? null : Academy.codeOf(query.academy()), query.bassin(), priority);
        return figures.bySchool(filter, year(query.schoolYear()), page.page, page.size);
    }

    /** A bassin, week by week: how many pupils of its schools are due on internship at once. */
    @Transactional
    public BassinOverview bassinOverview(Caller caller, String bassinId, String schoolYear) {
        Bassin bassin = coveredBassin(caller, bassinId);
        String year = year(schoolYear);
        List<Figures> schools = figures.bySchool(new SchoolFilter(null, null, null, null, bassinId, null), year, 0,
                BASSIN_SCHOOLS_MAX).items();
        Map<String, Long> dueBySchool = schools.stream().collect(Collectors.toMap(Figures::uai,
                f -> f.thirdYearPupils() != null ? f.thirdYearPupils().longValue() : f.pupils()));
        Map<String, Long> secured = load.securedInternshipsByWeek(bassinId, year);
        Map<String, WeekLoad> weeks = new LinkedHashMap<>();
        for (BassinLoad.DeclaredWeek declared : load.declaredWeeks(bassinId, year)) {
            WeekLoad previous = weeks.get(declared.week());
            List<String> uais = new ArrayList<>(previous == null ? List.of() : previous.schools());
            uais.add(declared.uai());
            weeks.put(declared.week(), new WeekLoad(declared.week(), declared.startsOn(), List.copyOf(uais),
                    (previous == null ? 0 : previous.pupilsDue()) + dueBySchool.getOrDefault(declared.uai(), 0L),
                    secured.getOrDefault(declared.week(), 0L)));
        }
        secured.forEach((week, count) -> weeks.computeIfAbsent(week, w -> new WeekLoad(w,
                SchoolCalendar.monday(w).orElse(null), List.of(), 0, count)));
        List<WeekLoad> byWeek = weeks.values().stream()
                .sorted(Comparator.comparing(WeekLoad::week)).toList();
        return new BassinOverview(bassin.id, bassin.name, bassin.academyCode, bassin.departmentCode, year,
                Totals.of(schools), byWeek, schools);
    }

    private Page<WithoutPlacement> withoutPlacement(String where, Parameters parameters, boolean withNames,
                                                    PageParams page) {
        PanacheQuery<Pupil> query = Pupil.find(where, LONGEST_WAIT_FIRST, parameters).page(page.page, page.size);
        List<Pupil> pupils = query.list();
        Map<UUID, SchoolClass> classes = PupilService.classesOf(pupils.stream().map(p -> p.classId)
                .collect(Collectors.toSet()));
        return new Page<>(pupils.stream().map(p -> WithoutPlacement.of(p, classes.get(p.classId), withNames)).toList(),
                page.page, page.size, query.count());
    }

    private Bassin coveredBassin(Caller caller, String bassinId) {
        Bassin bassin = Bassin.findById(bassinId);
        if (bassin == null) {
            throw ProblemException.notFound("no bassin " + bassinId);
        }
        if (!SchoolAccess.of(caller).covers(bassin)) {
            throw ProblemException.forbidden("bassin " + bassinId + " is outside your territory");
        }
        return bassin;
    }

    private String year(String schoolYear) {
        if (schoolYear == null) {
            return SchoolCalendar.currentSchoolYear(clock);
        }
        if (!SchoolCalendar.isSchoolYear(schoolYear)) {
            throw ProblemException.invalid("schoolYear", "must look like 2026-2027");
        }
        return schoolYear;
    }
}
