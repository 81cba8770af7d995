package fr.tremplin.schools.service;

import fr.tremplin.common.audit.AuditTrail;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.schools.domain.Pupil;
import fr.tremplin.common.calendar.SchoolCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Clock;
import java.util.List;

/**
 * The end of a school year: every pupil of that year is erased as on a GDPR request (a {@code pupil.erased}
 * event each, one more in the anonymous counts), so that only figures outlive the year. The classes stay (they
 * name no one). Running it again finds nobody left and changes nothing.
 */
@ApplicationScoped
public class SchoolYearRollover {

    private final PupilService pupils;
    private final AuditTrail audit;
    private final Clock clock;

    public SchoolYearRollover(PupilService pupils, AuditTrail audit, Clock clock) {
        this.pupils = pupils;
        this.audit = audit;
        this.clock = clock;
    }

    @Schema(name = "SchoolYearRolloverReport")
    public record Report(String schoolYear, long pupilsAnonymised) {
    }

    @Transactional
    public Report rollover(Caller caller, String schoolYear) {
        if (!SchoolCalendar.isSchoolYear(schoolYear)) {
            throw ProblemException.invalid("year", "must look like 2025-2026");
        }
        String current = SchoolCalendar.currentSchoolYear(clock);
        if (SchoolCalendar.startYear(schoolYear) >= SchoolCalendar.startYear(current)) {
            throw ProblemException.unprocessable("year", "the school year " + schoolYear
                    + " has not ended (the current one is " + current + ")");
        }
        List<Pupil> ended = Pupil.list("schoolYear", schoolYear);
        ended.forEach(pupils::erase);
        audit.record(caller, "school-year.rolled-over", "school-year", schoolYear, ended.size() + " pupils anonymised");
        return new Report(schoolYear, ended.size());
    }
}
