package fr.tremplin.schools.service;

import fr.tremplin.common.audit.AuditTrail;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import fr.tremplin.schools.api.StaffRequest;
import fr.tremplin.schools.api.StaffView;
import fr.tremplin.schools.domain.SchoolClass;
import fr.tremplin.schools.domain.StaffMembership;
import fr.tremplin.schools.domain.StaffRole;
import fr.tremplin.schools.events.ClassTeacherEvents;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A school's staff, recorded by its principal: a person (token {@code sub}) and a function; a main teacher's
 * membership names the classes they lead, which is what gives them their pupils. Each class a main teacher starts
 * or stops leading (an assignment, a new list of classes, the membership's end) is published in the same transaction
 * ({@link ClassTeacherEvents}), so that applications-service gives them the same pupils.
 */
@ApplicationScoped
public class StaffService {

    private final AuditTrail audit;
    private final ClassTeacherEvents classTeachers;

    public StaffService(AuditTrail audit, ClassTeacherEvents classTeachers) {
        this.audit = audit;
        this.classTeachers = classTeachers;
    }

    @Transactional
    public Page<StaffView> list(Caller caller, String uai, PageParams page) {
        ClassService.existingSchool(uai);
        if (!SchoolAccess.of(caller).canReadSchoolOrganisation(uai)) {
            throw ProblemException.forbidden("only the staff of " + uai + " see its staff");
        }
        PanacheQuery<StaffMembership> query = StaffMembership.find("uai", Sort.ascending("role", "personId"), uai)
                .page(page.page, page.size);
        return new Page<>(query.list().stream().map(StaffView::of).toList(), page.page, page.size, query.count());
    }

    public record Saved(StaffView membership, boolean created) {
    }

    @Transactional
    public Saved assign(Caller caller, String uai, StaffRequest request) {
        ClassService.existingSchool(uai);
        if (!SchoolAccess.of(caller).canManageSchool(uai)) {
            throw ProblemException.forbidden("only the principal of " + uai + " (or an admin) manages its staff");
        }
        List<UUID> classIds = request.classIds() == null ? List.of() : request.classIds();
        if (request.role() != StaffRole.MAIN_TEACHER && !classIds.isEmpty()) {
            throw ProblemException.unprocessable("classIds", "only a MAIN_TEACHER leads classes");
        }
        Set<UUID> classes = new LinkedHashSet<>();
        for (UUID classId : classIds) {
            SchoolClass schoolClass = SchoolClass.findById(classId);
            if (schoolClass == null || !schoolClass.uai.equals(uai)) {
                throw ProblemException.unprocessable("classIds", "no class " + classId + " in this school");
            }
            classes.add(classId);
        }
        String personId = request.personId().strip();
        StaffMembership membership = StaffMembership.<StaffMembership>find("uai = ?1 and personId = ?2 and role = ?3",
                uai, personId, request.role()).firstResult();
        boolean created = membership == null;
        if (created) {
            membership = new StaffMembership();
            membership.id = UUID.randomUUID();
            membership.uai = uai;
            membership.personId = personId;
            membership.role = request.role();
            membership.createdBy = caller.id();
            membership.createdAt = Instant.now();
        }
        Set<UUID> before = Set.copyOf(membership.classIds);
        membership.classIds.clear();
        membership.classIds.addAll(classes);
        membership.persistAndFlush();
        if (membership.role == StaffRole.MAIN_TEACHER) {
            classTeachers.changed(uai, personId, before, classes);
        }
        audit.record(caller, created ? "staff.assigned" : "staff.updated", "staff", membership.id,
                request.role() + " in " + uai);
        return new Saved(StaffView.of(membership), created);
    }

    @Transactional
    public void remove(Caller caller, String uai, UUID membershipId) {
        ClassService.existingSchool(uai);
        if (!SchoolAccess.of(caller).canManageSchool(uai)) {
            throw ProblemException.forbidden("only the principal of " + uai + " (or an admin) manages its staff");
        }
        StaffMembership membership = StaffMembership.findById(membershipId);
        if (membership == null || !membership.uai.equals(uai)) {
            throw ProblemException.notFound("no staff membership " + membershipId + " in " + uai);
        }
        if (membership.role == StaffRole.MAIN_TEACHER) {
            classTeachers.changed(uai, membership.personId, membership.classIds, Set.of());
        }
        membership.delete();
        audit.record(caller, "staff.removed", "staff", membershipId, membership.role + " in " + uai);
    }
}
