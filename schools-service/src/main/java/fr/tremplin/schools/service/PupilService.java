package fr.tremplin.schools.service;

import fr.tremplin.common.audit.AuditTrail;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import fr.tremplin.common.web.Versions;
import fr.tremplin.schools.api.PupilRequest;
import fr.tremplin.schools.api.PupilUpdate;
import fr.tremplin.schools.api.PupilView;
import fr.tremplin.schools.domain.Gender;
import fr.tremplin.schools.domain.PersonName;
import fr.tremplin.schools.domain.Pupil;
import fr.tremplin.schools.domain.School;
import fr.tremplin.schools.domain.SchoolClass;
import fr.tremplin.schools.events.PupilEvents;
import fr.tremplin.schools.repository.AnonymousCounts;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Pupils: enrolment in a class, corrections and moves, reading by those entitled ({@link SchoolAccess}), and
 * erasure. Names are checked ({@link PersonName}) and never written to the audit trail, logs or events.
 */
@ApplicationScoped
public class PupilService {

    private final PupilEvents events;
    private final AnonymousCounts anonymousCounts;
    private final AuditTrail audit;

    public PupilService(PupilEvents events, AnonymousCounts anonymousCounts, AuditTrail audit) {
        this.events = events;
        this.anonymousCounts = anonymousCounts;
        this.audit = audit;
    }

    @Transactional
    public PupilView enrol(Caller caller, UUID classId, PupilRequest request) {
        SchoolClass schoolClass = managedClass(caller, classId);
        lockForEnrolment(schoolClass);
        String firstName = name("firstName", request.firstName());
        String lastName = name("lastName", request.lastName());
        if (namesake(classId, firstName, lastName) != null) {
            throw ProblemException.conflict("a pupil with these names is already in the class");
        }
        Pupil pupil = enrol(caller, schoolClass, firstName, lastName, request.gender());
        return PupilView.of(pupil, schoolClass);
    }

    /** Creates the pupil and emits {@code pupil.enrolled}; the caller checked the access and the names. */
    Pupil enrol(Caller caller, SchoolClass schoolClass, String firstName, String lastName, Gender gender) {
        Instant now = Instant.now();
        Pupil pupil = new Pupil();
        pupil.id = UUID.randomUUID();
        pupil.uai = schoolClass.uai;
        pupil.classId = schoolClass.id;
        pupil.schoolYear = schoolClass.schoolYear;
        pupil.firstName = firstName;
        pupil.lastName = lastName;
        pupil.gender = gender;
        pupil.withoutPlacementSince = now;
        pupil.placementChangedAt = now;
        pupil.createdAt = now;
        pupil.updatedAt = now;
        pupil.persistAndFlush();
        events.emit(PupilEvents.ENROLLED, pupil, School.<School>findById(pupil.uai).priority);
        audit.record(caller, "pupil.enrolled", "pupil", pupil.id, null);
        return pupil;
    }

    /**
     * Enrolments in a class run one at a time (a row lock on the class), so that two requests carrying the same
     * names cannot both pass the namesake check: the second one gets a 409, not a duplicate.
     */
    static void lockForEnrolment(SchoolClass schoolClass) {
        SchoolClass.getEntityManager().lock(schoolClass, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The pupil of the same class with the same names (case aside), if any. */
    Pupil namesake(UUID classId, String firstName, String lastName) {
        return Pupil.<Pupil>find("classId = ?1 and lower(firstName) = lower(?2) and lower(lastName) = lower(?3)",
                classId, firstName, lastName).firstResult();
    }

    @Transactional
    public PupilView get(Caller caller, UUID id) {
        Pupil pupil = readable(caller, id);
        return PupilView.of(pupil, SchoolClass.findById(pupil.classId));
    }

    /** A pupil's own record: their token's {@code sub} is their id. */
    @Transactional
    public PupilView me(Caller caller) {
        if (!caller.is(Roles.PUPIL)) {
            throw ProblemException.forbidden("only a pupil has a pupil record");
        }
        Pupil pupil = parse(caller.id()).map(id -> Pupil.<Pupil>findById(id)).orElse(null);
        if (pupil == null) {
            throw ProblemException.notFound("no pupil record for this token");
        }
        return PupilView.of(pupil, SchoolClass.findById(pupil.classId));
    }

    /** {@code edited}: the version the change was made on (If-Match, else the body's), checked here. */
    @Transactional
    public PupilView update(Caller caller, UUID id, PupilUpdate request, Integer edited) {
        Pupil pupil = readable(caller, id);
        SchoolAccess access = SchoolAccess.of(caller);
        SchoolClass current = SchoolClass.findById(pupil.classId);
        if (!access.canManagePupilsOf(current)) {
            throw ProblemException.forbidden("you may read this pupil's record but not change it");
        }
        Versions.check("pupil", pupil.version, edited);
        SchoolClass target = current;
        if (request.classId() != null && !request.classId().equals(pupil.classId)) {
            target = SchoolClass.findById(request.classId());
            if (target == null || !target.uai.equals(pupil.uai) || !target.schoolYear.equals(pupil.schoolYear)) {
                throw ProblemException.unprocessable("classId", "must be a class of the same school and school year");
            }
            if (!access.canManagePupilsOf(target)) {
                throw ProblemException.forbidden("you may not move a pupil into that class");
            }
        }
        lockForEnrolment(target);
        String firstName = name("firstName", request.firstName());
        String lastName = name("lastName", request.lastName());
        Pupil namesake = namesake(target.id, firstName, lastName);
        if (namesake != null && !namesake.id.equals(pupil.id)) {
            throw ProblemException.conflict("a pupil with these names is already in the class");
        }
        boolean moved = !target.id.equals(pupil.classId);
        pupil.firstName = firstName;
        pupil.lastName = lastName;
        pupil.gender = request.gender();
        pupil.classId = target.id;
        pupil.updatedAt = Instant.now();
        pupil.persistAndFlush();
        if (moved) {
            // the payload carries the class, not the names: only a move concerns the other services
            events.emit(PupilEvents.UPDATED, pupil, School.<School>findById(pupil.uai).priority);
        }
        audit.record(caller, moved ? "pupil.moved" : "pupil.corrected", "pupil", pupil.id, null);
        return PupilView.of(pupil, target);
    }

    /**
     * Erasure (GDPR): the record and its candidacies' states are deleted for good; what is left is one more
     * pupil in the anonymous count of the school, year and last placement, and a {@code pupil.erased} event.
     */
    @Transactional
    public void erase(Caller caller, UUID id) {
        Pupil pupil = readable(caller, id);
        if (!SchoolAccess.of(caller).canErase(pupil)) {
            throw ProblemException.forbidden("only the principal of the pupil's school (or an admin) erases a pupil");
        }
        erase(pupil);
        audit.record(caller, "pupil.erased", "pupil", id, null);
    }

    /** Erases a pupil whose erasure is already decided (by the caller above, or a school-year rollover). */
    void erase(Pupil pupil) {
        anonymousCounts.add(pupil.uai, pupil.schoolYear, pupil.placement, 1);
        events.emit(PupilEvents.ERASED, pupil, School.<School>findById(pupil.uai).priority);
        pupil.delete();
    }

    @Transactional
    public Page<PupilView> byClass(Caller caller, UUID classId, PageParams page) {
        SchoolClass schoolClass = existingClass(classId);
        if (!SchoolAccess.of(caller).canReadPupilsOf(schoolClass)) {
            throw ProblemException.forbidden("you do not see the pupils of this class");
        }
        PanacheQuery<Pupil> query = Pupil.find("classId", Sort.ascending("lastName", "firstName", "id"), classId)
                .page(page.page, page.size);
        return new Page<>(query.list().stream().map(p -> PupilView.of(p, schoolClass)).toList(), page.page,
                page.size, query.count());
    }

    /** The pupils of a school; a main teacher gets those of the classes they lead only. */
    @Transactional
    public Page<PupilView> bySchool(Caller caller, String uai, String schoolYear, PageParams page) {
        ClassService.existingSchool(uai);
        SchoolAccess access = SchoolAccess.of(caller);
        StringBuilder where = new StringBuilder("uai = :uai");
        Parameters parameters = Parameters.with("uai", uai);
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
        if (schoolYear != null) {
            where.append(" and schoolYear = :year");
            parameters.and("year", schoolYear);
        }
        PanacheQuery<Pupil> query = Pupil.find(where.toString(), Sort.ascending("lastName", "firstName", "id"),
                parameters).page(page.page, page.size);
        var pupils = query.list();
        Map<UUID, SchoolClass> classes = classesOf(pupils.stream().map(p -> p.classId).collect(Collectors.toSet()));
        return new Page<>(pupils.stream().map(p -> PupilView.of(p, classes.get(p.classId))).toList(), page.page,
                page.size, query.count());
    }

    static Map<UUID, SchoolClass> classesOf(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return SchoolClass.<SchoolClass>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
    }

    /** The pupil if the caller may read them; otherwise 404, since even their existence is personal data. */
    private Pupil readable(Caller caller, UUID id) {
        Pupil pupil = id == null ? null : Pupil.findById(id);
        if (pupil == null || !SchoolAccess.of(caller).canRead(pupil, SchoolClass.findById(pupil.classId))) {
            throw ProblemException.notFound("no pupil " + id);
        }
        return pupil;
    }

    SchoolClass managedClass(Caller caller, UUID classId) {
        SchoolClass schoolClass = existingClass(classId);
        if (!SchoolAccess.of(caller).canManagePupilsOf(schoolClass)) {
            throw ProblemException.forbidden("only the principal or the main teacher of this class manages its pupils");
        }
        return schoolClass;
    }

    static SchoolClass existingClass(UUID classId) {
        SchoolClass schoolClass = classId == null ? null : SchoolClass.findById(classId);
        if (schoolClass == null) {
            throw ProblemException.notFound("no class " + classId);
        }
        return schoolClass;
    }

    static String name(String field, String raw) {
        return PersonName.clean(raw).orElseThrow(() -> ProblemException.invalid(field,
                "must be 1 to 100 letters, spaces, hyphens, apostrophes or dots"));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
