package fr.tremplin.schools.service;

import fr.tremplin.common.audit.AuditTrail;
import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.common.problem.Problem;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.territory.DepartmentCode;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import fr.tremplin.schools.api.SchoolPatchRequest;
import fr.tremplin.schools.api.SchoolRequest;
import fr.tremplin.schools.api.SchoolSummary;
import fr.tremplin.schools.api.SchoolView;
import fr.tremplin.schools.api.WeeksRequest;
import fr.tremplin.schools.domain.Academy;
import fr.tremplin.schools.domain.DeclaredWeek;
import fr.tremplin.schools.domain.Department;
import fr.tremplin.schools.domain.Priority;
import fr.tremplin.schools.domain.School;
import fr.tremplin.schools.domain.Uai;
import fr.tremplin.schools.events.SchoolEvents;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The schools: public search and details, the principal's declarations, an admin's manual registration. */
@ApplicationScoped
public class SchoolService {

    private final SchoolEvents events;
    private final AuditTrail audit;
    private final Clock clock;

    public SchoolService(SchoolEvents events, AuditTrail audit, Clock clock) {
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public record Criteria(String department, String academy, String bassin, String priority, String name) {
    }

    @Transactional
    public Page<SchoolSummary> search(Criteria criteria, PageParams page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (criteria.department() != null) {
            where.append(" and departmentCode = :department");
            parameters.and("department", DepartmentCode.normalise(criteria.department()).orElseThrow(
                    () -> ProblemException.invalid("department", DepartmentCode.MESSAGE)));
        }
        if (criteria.academy() != null) {
            where.append(" and academyCode = :academy");
            parameters.and("academy", Academy.codeOf(criteria.academy()));
        }
        if (criteria.bassin() != null) {
            where.append(" and bassinId = :bassin");
            parameters.and("bassin", criteria.bassin());
        }
        if (criteria.priority() != null) {
            where.append(" and priority = :priority");
            parameters.and("priority", Priority.parse(criteria.priority()).orElseThrow(
                    () -> ProblemException.invalid("priority", "must be REP_PLUS, REP or NONE")));
        }
        if (criteria.name() != null && !criteria.name().isBlank()) {
            if (criteria.name().length() > 100) {
                throw ProblemException.invalid("name", "must be 100 characters at most");
            }
            where.append(" and nameKey like :name");
            parameters.and("name", "%" + escapeLike(School.searchKey(criteria.name())) + "%");
        }
        PanacheQuery<School> query = School.find(where.toString(), Sort.ascending("name", "uai"), parameters)
                .page(page.page, page.size);
        return new Page<>(query.list().stream().map(SchoolSummary::of).toList(), page.page, page.size, query.count());
    }

    @Transactional
    public SchoolView get(String uai) {
        return view(existing(uai));
    }

    /**
     * Replaces the weeks a school declares for one school year (the current or the next one). A week that has begun
     * (its Monday is today or earlier) cannot be added; one the school had already declared stays when the new list
     * repeats it, so that a principal changing the rest of the year is not made to drop the weeks already spent.
     */
    @Transactional
    public SchoolView declareWeeks(Caller caller, String uai, WeeksRequest request) {
        School school = managed(caller, uai);
        String year = request.schoolYear();
        String current = SchoolCalendar.currentSchoolYear(clock);
        if (!SchoolCalendar.isSchoolYear(year) || !(year.equals(current) || year.equals(SchoolCalendar.shift(current, 1)))) {
            throw ProblemException.unprocessable("schoolYear", "weeks are declared for the current school year ("
                    + current + ") or the next one");
        }
        Set<String> weeks = new TreeSet<>();
        Set<String> declared = Set.copyOf(school.declaredWeeks(year));
        LocalDate today = SchoolCalendar.today(clock);
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < request.weeks().size(); i++) {
            String week = request.weeks().get(i);
            LocalDate monday = SchoolCalendar.monday(week).orElse(null);
            if (monday == null) {
                violations.add(new Problem.Violation("weeks[" + i + "]", "is not a real ISO week"));
            } else if (!SchoolCalendar.inSchoolYear(monday, year)) {
                violations.add(new Problem.Violation("weeks[" + i + "]",
                        "is not a week of the school year " + year + " (1 September to 31 May)"));
            } else if (SchoolCalendar.hasBegun(monday, today) && !declared.contains(week)) {
                violations.add(new Problem.Violation("weeks[" + i + "]",
                        SchoolCalendar.begunMessage(week, monday, today)));
            } else {
                weeks.add(week);
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(422, "Unprocessable request", violations.get(0).field() + ": "
                    + violations.get(0).message(), violations);
        }
        if (new TreeSet<>(declared).equals(weeks)) {
            return view(school);
        }
        school.weeks.removeIf(w -> w.schoolYear.equals(year));
        for (String week : weeks) {
            school.weeks.add(new DeclaredWeek(year, week, SchoolCalendar.monday(week).orElseThrow()));
        }
        school.updatedAt = Instant.now();
        school.persistAndFlush();
        events.emit(SchoolEvents.UPDATED, school);
        audit.record(caller, "school.weeks-declared", "school", uai, year + ": " + String.join(",", weeks));
        return view(school);
    }

    /**
     * The 3e count a principal declares (what the bassin overview counts when the pupils are not all recorded, and
     * what a programme's seats are shared by): a change emits school.updated, the same count again nothing.
     */
    @Transactional
    public SchoolView update(Caller caller, String uai, SchoolPatchRequest request) {
        School school = managed(caller, uai);
        if (!request.thirdYearPupils().equals(school.thirdYearPupils)) {
            school.thirdYearPupils = request.thirdYearPupils();
            school.updatedAt = Instant.now();
            school.persistAndFlush();
            events.emit(SchoolEvents.UPDATED, school);
            audit.record(caller, "school.updated", "school", uai, "thirdYearPupils");
        }
        return view(school);
    }

    public record Saved(SchoolView school, boolean created) {
    }

    /** An admin registers or corrects a school by hand; events as for the import. */
    @Transactional
    public Saved put(Caller caller, String uai, SchoolRequest request) {
        if (!Uai.isValid(uai)) {
            throw ProblemException.invalid("uai", "must be a UAI: 7 digits and a capital letter");
        }
        Department department = TerritoryService.knownDepartment(request.department(), "department");
        School.Identity identity = new School.Identity(request.name().strip(), request.city().strip(),
                request.zipcode(), department.code, department.academyCode, request.priority(),
                request.latitude(), request.longitude());
        if ((identity.latitude() == null) != (identity.longitude() == null)) {
            throw ProblemException.invalid("latitude", "latitude and longitude come together");
        }
        School school = School.findById(uai);
        boolean created = school == null;
        if (created) {
            school = new School();
            school.uai = uai;
            school.createdAt = Instant.now();
        }
        String previousAcademy = school.academyCode;
        if (school.describe(identity)) {
            if (previousAcademy != null && !previousAcademy.equals(school.academyCode)) {
                school.bassinId = null; // a bassin lies within one académie
            }
            school.updatedAt = Instant.now();
            school.persistAndFlush();
            events.emit(created ? SchoolEvents.REGISTERED : SchoolEvents.UPDATED, school);
            audit.record(caller, created ? "school.registered" : "school.updated", "school", uai, "by hand");
        }
        return new Saved(view(school), created);
    }

    School existing(String uai) {
        School school = uai == null ? null : School.findById(uai);
        if (school == null) {
            throw ProblemException.notFound("no school " + uai);
        }
        return school;
    }

    private School managed(Caller caller, String uai) {
        School school = existing(uai);
        if (!SchoolAccess.of(caller).canManageSchool(uai)) {
            throw ProblemException.forbidden("only the principal of " + uai + " (or an admin) may change it");
        }
        return school;
    }

    SchoolView view(School school) {
        Department department = Department.findById(school.departmentCode);
        Academy academy = Academy.findById(school.academyCode);
        return SchoolView.of(school, department == null ? null : department.name, academy == null ? null : academy.name);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
