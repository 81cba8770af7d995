package fr.tremplin.schools.service;

import fr.tremplin.common.audit.AuditTrail;
import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import fr.tremplin.common.web.Versions;
import fr.tremplin.schools.api.ClassRename;
import fr.tremplin.schools.api.ClassRequest;
import fr.tremplin.schools.api.ClassView;
import fr.tremplin.schools.domain.Pupil;
import fr.tremplin.schools.domain.School;
import fr.tremplin.schools.domain.SchoolClass;
import fr.tremplin.schools.domain.StaffMembership;
import fr.tremplin.schools.events.ClassTeacherEvents;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A school's classes, one school year each: its principal creates, renames and deletes them. */
@ApplicationScoped
public class ClassService {

    private final AuditTrail audit;
    private final Clock clock;
    private final ClassTeacherEvents classTeachers;

    public ClassService(AuditTrail audit, Clock clock, ClassTeacherEvents classTeachers) {
        this.audit = audit;
        this.clock = clock;
        this.classTeachers = classTeachers;
    }

    @Transactional
    public Page<ClassView> list(Caller caller, String uai, String schoolYear, PageParams page) {
        existingSchool(uai);
        if (!SchoolAccess.of(caller).canReadSchoolOrganisation(uai)) {
            throw ProblemException.forbidden("only the staff of " + uai + " see its classes");
        }
        StringBuilder where = new StringBuilder("uai = :uai");
        Parameters parameters = Parameters.with("uai", uai);
        if (schoolYear != null) {
            where.append(" and schoolYear = :year");
            parameters.and("year", schoolYear);
        }
        PanacheQuery<SchoolClass> query = SchoolClass.find(where.toString(),
                Sort.descending("schoolYear").and("name").and("id"), parameters).page(page.page, page.size);
        return new Page<>(query.list().stream().map(this::view).toList(), page.page, page.size, query.count());
    }

    @Transactional
    public ClassView create(Caller caller, String uai, ClassRequest request) {
        existingSchool(uai);
        if (!SchoolAccess.of(caller).canManageSchool(uai)) {
            throw ProblemException.forbidden("only the principal of " + uai + " (or an admin) creates its classes");
        }
        String year = request.schoolYear();
        String current = SchoolCalendar.currentSchoolYear(clock);
        if (!SchoolCalendar.isSchoolYear(year) || Math.abs(SchoolCalendar.startYear(year) - SchoolCalendar.startYear(current)) > 1) {
            throw ProblemException.unprocessable("schoolYear", "must be the current school year (" + current
                    + "), the previous or the next one");
        }
        String name = request.name().strip();
        if (SchoolClass.count("uai = ?1 and schoolYear = ?2 and name = ?3", uai, year, name) > 0) {
            throw ProblemException.conflict("the school already has a class " + name + " in " + year);
        }
        SchoolClass schoolClass = new SchoolClass();
        schoolClass.id = UUID.randomUUID();
        schoolClass.uai = uai;
        schoolClass.name = name;
        schoolClass.schoolYear = year;
        schoolClass.createdAt = Instant.now();
        schoolClass.updatedAt = schoolClass.createdAt;
        schoolClass.persistAndFlush();
        audit.record(caller, "class.created", "class", schoolClass.id, uai + " " + year);
        return view(schoolClass);
    }

    @Transactional
    public ClassView get(Caller caller, UUID id) {
        SchoolClass schoolClass = existing(id);
        if (!SchoolAccess.of(caller).canReadSchoolOrganisation(schoolClass.uai)) {
            throw ProblemException.forbidden("only the staff of " + schoolClass.uai + " see its classes");
        }
        return view(schoolClass);
    }

    /** {@code edited}: the version the rename was made on (If-Match, else the body's), checked here. */
    @Transactional
    public ClassView rename(Caller caller, UUID id, ClassRename request, Integer edited) {
        SchoolClass schoolClass = managed(caller, id);
        Versions.check("class", schoolClass.version, edited);
        String name = request.name().strip();
        if (!name.equals(schoolClass.name)) {
            if (SchoolClass.count("uai = ?1 and schoolYear = ?2 and name = ?3 and id <> ?4", schoolClass.uai,
                    schoolClass.schoolYear, name, id) > 0) {
                throw ProblemException.conflict("the school already has a class " + name + " in "
                        + schoolClass.schoolYear);
            }
            schoolClass.name = name;
            schoolClass.updatedAt = Instant.now();
            schoolClass.persistAndFlush();
            audit.record(caller, "class.renamed", "class", id, null);
        }
        return view(schoolClass);
    }

    /** Deletes an empty class (move or erase its pupils first). */
    @Transactional
    public void delete(Caller caller, UUID id) {
        SchoolClass schoolClass = managed(caller, id);
        PupilService.lockForEnrolment(schoolClass); // no pupil slips in while the class is being deleted
        if (Pupil.count("classId", id) > 0) {
            throw ProblemException.conflict("the class still has pupils; move or erase them first");
        }
        // the main teachers who led it stop leading it (the database would drop their rows silently)
        for (StaffMembership leader : StaffMembership.<StaffMembership>list(
                "select distinct m from StaffMembership m join m.classIds c where c = ?1", id)) {
            leader.classIds.remove(id);
            classTeachers.changed(leader.uai, leader.personId, Set.of(id), Set.of());
        }
        schoolClass.delete();
        audit.record(caller, "class.deleted", "class", id, null);
    }

    SchoolClass existing(UUID id) {
        SchoolClass schoolClass = id == null ? null : SchoolClass.findById(id);
        if (schoolClass == null) {
            throw ProblemException.notFound("no class " + id);
        }
        return schoolClass;
    }

    private SchoolClass managed(Caller caller, UUID id) {
        SchoolClass schoolClass = existing(id);
        if (!SchoolAccess.of(caller).canManageSchool(schoolClass.uai)) {
            throw ProblemException.forbidden("only the principal of " + schoolClass.uai + " (or an admin) changes its classes");
        }
        return schoolClass;
    }

    static School existingSchool(String uai) {
        School school = uai == null ? null : School.findById(uai);
        if (school == null) {
            throw ProblemException.notFound("no school " + uai);
        }
        return school;
    }

    private ClassView view(SchoolClass schoolClass) {
        return ClassView.of(schoolClass, Pupil.count("classId", schoolClass.id));
    }
}
