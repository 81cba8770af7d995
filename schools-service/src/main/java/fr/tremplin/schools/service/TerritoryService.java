package fr.tremplin.schools.service;

import fr.tremplin.common.audit.AuditTrail;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.territory.TerritoryId;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import fr.tremplin.schools.api.AcademyView;
import fr.tremplin.schools.api.BassinRequest;
import fr.tremplin.schools.api.BassinView;
import fr.tremplin.schools.api.DepartmentView;
import fr.tremplin.schools.domain.Academy;
import fr.tremplin.schools.domain.Bassin;
import fr.tremplin.schools.domain.Department;
import fr.tremplin.common.territory.DepartmentCode;
import fr.tremplin.schools.domain.School;
import fr.tremplin.schools.events.SchoolEvents;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Académies and départements (reference data, read only) and bassins (created and filled by admins). */
@ApplicationScoped
public class TerritoryService {


    private final SchoolEvents schoolEvents;
    private final AuditTrail audit;

    public TerritoryService(SchoolEvents schoolEvents, AuditTrail audit) {
        this.schoolEvents = schoolEvents;
        this.audit = audit;
    }

    @Transactional
    public Page<AcademyView> academies(PageParams page) {
        PanacheQuery<Academy> query = Academy.findAll(Sort.ascending("name")).page(page.page, page.size);
        return new Page<>(query.list().stream().map(AcademyView::of).toList(), page.page, page.size, query.count());
    }

    @Transactional
    public AcademyView academy(String code) {
        Academy academy = Academy.findById(Academy.codeOf(code));
        if (academy == null) {
            throw ProblemException.notFound("no académie " + code);
        }
        return AcademyView.of(academy);
    }

    @Transactional
    public Page<DepartmentView> departments(String academy, PageParams page) {
        PanacheQuery<Department> query = academy == null
                ? Department.findAll(Sort.ascending("code"))
                : Department.find("academyCode", Sort.ascending("code"), knownAcademy(academy, "academy").code);
        query.page(page.page, page.size);
        return new Page<>(query.list().stream().map(DepartmentView::of).toList(), page.page, page.size, query.count());
    }

    @Transactional
    public DepartmentView department(String code) {
        Department department = DepartmentCode.normalise(code).map(c -> Department.<Department>findById(c))
                .orElseThrow(() -> ProblemException.notFound("no département " + code));
        return DepartmentView.of(department);
    }

    @Transactional
    public Page<BassinView> bassins(String academy, String department, PageParams page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (academy != null) {
            where.append(" and academyCode = :academy");
            parameters.and("academy", knownAcademy(academy, "academy").code);
        }
        if (department != null) {
            where.append(" and departmentCode = :department");
            parameters.and("department", knownDepartment(department, "department").code);
        }
        PanacheQuery<Bassin> query = Bassin.find(where.toString(), Sort.ascending("id"), parameters)
                .page(page.page, page.size);
        return new Page<>(query.list().stream().map(this::view).toList(), page.page, page.size, query.count());
    }

    @Transactional
    public BassinView bassin(String id) {
        return view(existingBassin(id));
    }

    public record Saved(BassinView bassin, boolean created) {
    }

    /** Creates or replaces a bassin (admin). */
    @Transactional
    public Saved putBassin(Caller caller, String id, BassinRequest request) {
        if (!TerritoryId.isValid(id)) {
            throw ProblemException.invalid("id", TerritoryId.MESSAGE);
        }
        Academy academy = knownAcademy(request.academy(), "academy");
        String department = null;
        if (request.department() != null && !request.department().isBlank()) {
            Department known = knownDepartment(request.department(), "department");
            if (!known.academyCode.equals(academy.code)) {
                throw ProblemException.unprocessable("department", "is not in the académie " + academy.name);
            }
            department = known.code;
        }
        Bassin bassin = Bassin.findById(id);
        boolean created = bassin == null;
        if (created) {
            bassin = new Bassin();
            bassin.id = id;
            bassin.createdAt = Instant.now();
        } else if (!bassin.academyCode.equals(academy.code) && School.count("bassinId", id) > 0) {
            throw ProblemException.conflict("the bassin has schools of " + bassin.academyCode
                    + "; take them out before moving it to another académie");
        }
        bassin.name = request.name().strip();
        bassin.academyCode = academy.code;
        bassin.departmentCode = department;
        bassin.coordinatorId = request.coordinatorId() == null || request.coordinatorId().isBlank()
                ? null : request.coordinatorId().strip();
        bassin.updatedAt = Instant.now();
        bassin.persistAndFlush();
        audit.record(caller, created ? "bassin.created" : "bassin.updated", "bassin", id, null);
        return new Saved(view(bassin), created);
    }

    /** Puts schools in a bassin; each school that moves emits {@code school.updated}. */
    @Transactional
    public BassinView addSchools(Caller caller, String id, List<String> uais) {
        Bassin bassin = existingBassin(id);
        for (String uai : uais.stream().distinct().toList()) {
            School school = School.findById(uai);
            if (school == null) {
                throw ProblemException.unprocessable("uais", "no school " + uai);
            }
            if (!school.academyCode.equals(bassin.academyCode)) {
                throw ProblemException.unprocessable("uais", "school " + uai + " is not in the bassin's académie");
            }
            if (!Objects.equals(school.bassinId, id)) {
                school.bassinId = id;
                school.updatedAt = Instant.now();
                schoolEvents.emit(SchoolEvents.UPDATED, school);
            }
        }
        audit.record(caller, "bassin.schools-added", "bassin", id, uais.size() + " schools");
        return view(bassin);
    }

    @Transactional
    public BassinView removeSchool(Caller caller, String id, String uai) {
        Bassin bassin = existingBassin(id);
        School school = School.findById(uai);
        if (school == null || !id.equals(school.bassinId)) {
            throw ProblemException.notFound("school " + uai + " is not in bassin " + id);
        }
        school.bassinId = null;
        school.updatedAt = Instant.now();
        schoolEvents.emit(SchoolEvents.UPDATED, school);
        audit.record(caller, "bassin.school-removed", "bassin", id, uai);
        return view(bassin);
    }

    Bassin existingBassin(String id) {
        Bassin bassin = id == null ? null : Bassin.findById(id);
        if (bassin == null) {
            throw ProblemException.notFound("no bassin " + id);
        }
        return bassin;
    }

    /** An académie from its code or name; 422 when there is none (it names the field). */
    static Academy knownAcademy(String codeOrName, String field) {
        Academy academy = codeOrName == null ? null : Academy.findById(Academy.codeOf(codeOrName));
        if (academy == null) {
            throw ProblemException.unprocessable(field, "unknown académie '" + codeOrName + "'");
        }
        return academy;
    }

    static Department knownDepartment(String code, String field) {
        return DepartmentCode.normalise(code).map(c -> Department.<Department>findById(c))
                .orElseThrow(() -> ProblemException.unprocessable(field, "unknown département '" + code + "'"));
    }

    private BassinView view(Bassin bassin) {
        return BassinView.of(bassin, School.count("bassinId", bassin.id));
    }
}
