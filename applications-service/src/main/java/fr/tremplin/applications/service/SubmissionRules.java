package fr.tremplin.applications.service;

import fr.tremplin.applications.config.ApplicationsConfig;
import fr.tremplin.applications.domain.OfferCopy;
import fr.tremplin.applications.domain.PupilCopy;
import fr.tremplin.applications.domain.SchoolCopy;
import fr.tremplin.applications.repository.ApplicationRepository;
import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/**
 * The rules of docs/ARCHITECTURE.md §4 a new candidacy must pass, each with its own answer:
 * <ul>
 *   <li>the pupil must be known (422 "unknown pupil"); staff apply only for pupils of their school / classes (403);</li>
 *   <li>the offer must be known (422) and published (422);</li>
 *   <li>the week must not have begun (422 naming it: its Monday is after today, by the service's clock), must be one
 *   of the offer's open weeks (422) and of the school's declared weeks, where it declared any (422);</li>
 *   <li>an offer reserved for REP / REP+ pupils, or for one school, admits only them (422);</li>
 *   <li>one candidacy per pupil, offer and week (409); none after a confirmed internship (409); at most
 *   {@code tremplin.applications.max-open-per-pupil} open at once (409).</li>
 * </ul>
 * A pupil's school comes from the schools read model; a pupil who is not there yet (their {@code pupil.enrolled}
 * event is still on its way) is accepted on their token's {@code school} claim, provided that school is known: the
 * identity provider vouches for the claim. A staff member can only apply for a pupil the read model knows.
 */
@ApplicationScoped
public class SubmissionRules {

    /** Who applies, as the rules and the candidacy's copy need it. */
    public record PupilContext(UUID pupilId, String uai, String classId, String priority, String schoolDepartment,
                               String[] declaredWeeks) {
    }

    private final ApplicationRepository applications;
    private final SeatLedger seats;
    private final ApplicationsConfig config;
    private final Clock clock;

    public SubmissionRules(ApplicationRepository applications, SeatLedger seats, ApplicationsConfig config,
                           Clock clock) {
        this.applications = applications;
        this.seats = seats;
        this.config = config;
        this.clock = clock;
    }

    /** The pupil a caller applies for, checked against the caller's scope. */
    public PupilContext pupilFor(Caller caller, String role, UUID requestedPupil) {
        if (Roles.PUPIL.equals(role)) {
            UUID self = ApplicationAccess.pupilId(caller);
            if (requestedPupil != null && !requestedPupil.equals(self)) {
                throw ProblemException.forbidden("a pupil applies for themself only");
            }
            PupilCopy pupil = PupilCopy.findById(self);
            if (pupil != null && pupil.erased) {
                throw unknownPupil();
            }
            if (pupil == null) {
                String uai = caller.school().orElseThrow(SubmissionRules::unknownPupil);
                return context(self, uai, null, null);
            }
            return context(pupil.pupilId, pupil.uai, pupil.classId, pupil.priority);
        }
        if (requestedPupil == null) {
            throw ProblemException.invalid("pupilId", "is required when applying on a pupil's behalf");
        }
        PupilCopy pupil = PupilCopy.findById(requestedPupil);
        if (pupil == null || pupil.erased) {
            throw unknownPupil();
        }
        String school = caller.require(caller.school(), "school");
        if (!school.equals(pupil.uai)) {
            throw ProblemException.forbidden("this pupil is not in your school");
        }
        if (Roles.MAIN_TEACHER.equals(role) && (pupil.classId == null
                || !ApplicationAccess.ledClasses(caller).contains(pupil.classId))) {
            throw ProblemException.forbidden("this pupil is not in one of your classes");
        }
        return context(pupil.pupilId, pupil.uai, pupil.classId, pupil.priority);
    }

    /** Refreshes a candidacy's pupil from the read model (for a redirection), or keeps what the candidacy knew. */
    public PupilContext pupilOf(UUID pupilId, String uai, String classId, String priority) {
        PupilCopy pupil = PupilCopy.findById(pupilId);
        if (pupil != null && pupil.erased) {
            throw unknownPupil();
        }
        return pupil == null ? context(pupilId, uai, classId, priority)
                : context(pupil.pupilId, pupil.uai, pupil.classId, pupil.priority);
    }

    /** The offer's checks: known, published, week open on the offer and declared by the school, reservation. */
    public SeatLedger.Week checkOffer(PupilContext pupil, OfferCopy offer, UUID offerId, String week) {
        if (offer == null) {
            throw ProblemException.unprocessable("offerId", "unknown offer");
        }
        if (!OfferCopy.PUBLISHED.equals(offer.status)) {
            throw ProblemException.unprocessable("offerId", "this offer does not take candidacies (it is "
                    + offer.status.toLowerCase() + ")");
        }
        LocalDate today = SchoolCalendar.today(clock);
        SchoolCalendar.monday(week).filter(monday -> SchoolCalendar.hasBegun(monday, today)).ifPresent(monday -> {
            throw ProblemException.unprocessable("week", SchoolCalendar.begunMessage(week, monday, today));
        });
        SeatLedger.Week seatsOfWeek = seats.share(offerId, week).filter(SeatLedger.Week::open)
                .orElseThrow(() -> ProblemException.unprocessable("week", "is not one of the offer's open weeks"));
        if (pupil.declaredWeeks() != null && pupil.declaredWeeks().length > 0
                && !Arrays.asList(pupil.declaredWeeks()).contains(week)) {
            throw ProblemException.unprocessable("week", "is not one of the internship weeks your school declared");
        }
        if ("REP".equals(offer.reservation) && !SchoolCopy.REP.equals(pupil.priority())
                && !SchoolCopy.REP_PLUS.equals(pupil.priority())) {
            throw ProblemException.unprocessable("offerId", "this offer is reserved for pupils of REP and REP+ collèges");
        }
        if ("SCHOOL".equals(offer.reservation) && !pupil.uai().equals(offer.reservedSchoolUai)) {
            throw ProblemException.unprocessable("offerId", "this offer is reserved for the pupils of another school");
        }
        return seatsOfWeek;
    }

    /** The pupil's own limits; the caller holds the pupil's lock. {@code replacing}: a redirection frees one. */
    public void checkPupil(PupilContext pupil, UUID offerId, String week, boolean replacing) {
        ApplicationRepository.PupilCounts counts = applications.pupilCounts(pupil.pupilId(), offerId, week);
        if (counts.sameOfferAndWeek() > 0) {
            throw ProblemException.conflict("this pupil already applied for this offer and week");
        }
        if (counts.placed() > 0) {
            throw ProblemException.conflict("this pupil already has a confirmed internship");
        }
        if (!replacing && counts.open() >= config.maxOpenPerPupil()) {
            throw ProblemException.conflict("this pupil already has " + counts.open() + " open candidacies (at most "
                    + config.maxOpenPerPupil() + "); cancel one first");
        }
    }

    private PupilContext context(UUID pupilId, String uai, String classId, String pupilPriority) {
        SchoolCopy school = uai == null ? null : SchoolCopy.findById(uai);
        String priority = school != null ? school.priority : pupilPriority;
        if (uai == null || priority == null) {
            throw unknownPupil();
        }
        return new PupilContext(pupilId, uai, classId, priority, school == null ? null : school.department,
                school == null ? null : school.declaredWeeks);
    }

    private static ProblemException unknownPupil() {
        return ProblemException.unprocessable("pupilId", "unknown pupil: not (yet) enrolled in a school known to Tremplin");
    }
}
