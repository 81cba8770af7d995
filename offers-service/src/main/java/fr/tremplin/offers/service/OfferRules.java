package fr.tremplin.offers.service;

import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.common.problem.Problem;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.offers.api.OfferRequest;
import fr.tremplin.offers.domain.Ministry;
import fr.tremplin.offers.domain.Offer;
import fr.tremplin.offers.domain.OfferWeek;
import fr.tremplin.offers.domain.Reservation;
import fr.tremplin.offers.domain.Sector;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an offer must satisfy beyond its shape: known sector and ministry, a ministry for public offers,
 * real ISO weeks inside the school year and not begun yet, a coherent reservation. Every broken rule is reported at
 * once (422).
 * <p>
 * A week that has begun (its Monday is today or earlier, by the service's clock) cannot be added to an offer; a week
 * the offer already had stays when an edit repeats it, so that editing an offer whose first weeks are over does not
 * force its owner to drop them (they remain the offer's history: candidacies and seats refer to them).
 */
@ApplicationScoped
public class OfferRules {

    private final Clock clock;

    public OfferRules(Clock clock) {
        this.clock = clock;
    }

    public void apply(OfferRequest request, Offer offer) {
        apply(request, offer, Sector.findById(request.sectorId()) != null,
                request.ministryCode() == null || Ministry.findById(request.ministryCode()) != null,
                SchoolCalendar.today(clock));
    }

    /**
     * The rules themselves, given what the database knows (whether the sector exists, and the ministry when one is
     * named) and today's date. Writes the request on the offer, or nothing when a rule is broken.
     */
    static void apply(OfferRequest request, Offer offer, boolean knownSector, boolean knownMinistry, LocalDate today) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (!knownSector) {
            violations.add(new Problem.Violation("sectorId", "unknown sector"));
        }
        if (request.ministryCode() != null && !knownMinistry) {
            violations.add(new Problem.Violation("ministryCode", "unknown ministry"));
        }
        if (Boolean.TRUE.equals(request.publicSector()) && request.ministryCode() == null) {
            violations.add(new Problem.Violation("ministryCode", "is required for a public-sector offer"));
        }
        if (!SchoolCalendar.isSchoolYear(request.schoolYear())) {
            violations.add(new Problem.Violation("schoolYear", "must be two consecutive years such as 2026-2027"));
        }
        List<OfferWeek> weeks = weeks(request, offer, today, violations);
        Reservation reservation = request.reservation() == null ? Reservation.NONE : request.reservation();
        if (reservation == Reservation.SCHOOL && request.reservedSchoolUai() == null) {
            violations.add(new Problem.Violation("reservedSchoolUai", "is required when the offer is reserved for one school"));
        }
        if (reservation != Reservation.SCHOOL && request.reservedSchoolUai() != null) {
            violations.add(new Problem.Violation("reservedSchoolUai", "only goes with reservation SCHOOL"));
        }
        int groupSize = request.maxGroupSize() == null ? 1 : request.maxGroupSize();
        if (groupSize > request.capacityPerWeek()) {
            violations.add(new Problem.Violation("maxGroupSize", "cannot exceed capacityPerWeek"));
        }
        if (!violations.isEmpty()) {
            String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
            throw new ProblemException(422, "Invalid offer", detail, violations);
        }

        offer.title = request.title().strip();
        offer.description = request.description().strip();
        offer.sectorId = request.sectorId();
        offer.publicSector = request.publicSector();
        offer.ministryCode = request.ministryCode();
        offer.street = request.address().street();
        offer.zipcode = request.address().zipcode();
        offer.city = request.address().city().strip();
        offer.department = request.address().department();
        offer.academy = request.address().academy();
        offer.latitude = request.address().latitude();
        offer.longitude = request.address().longitude();
        offer.schoolYear = request.schoolYear();
        offer.capacityPerWeek = request.capacityPerWeek();
        offer.maxGroupSize = groupSize;
        offer.reservation = reservation;
        offer.reservedSchoolUai = request.reservedSchoolUai();
        replaceWeeks(offer, weeks);
    }

    private static List<OfferWeek> weeks(OfferRequest request, Offer offer, LocalDate today,
                                         List<Problem.Violation> violations) {
        Set<String> distinct = new LinkedHashSet<>(request.weeks());
        Set<String> stored = offer.weeks.stream().map(w -> w.week).collect(Collectors.toSet());
        List<OfferWeek> weeks = new ArrayList<>();
        int index = 0;
        for (String week : request.weeks()) {
            String field = "weeks[" + index++ + "]";
            LocalDate monday = SchoolCalendar.monday(week).orElse(null);
            if (monday == null) {
                violations.add(new Problem.Violation(field, "no such ISO week"));
            } else if (SchoolCalendar.isSchoolYear(request.schoolYear())
                    && !SchoolCalendar.inSchoolYear(monday, request.schoolYear())) {
                violations.add(new Problem.Violation(field,
                        "is outside the school year " + request.schoolYear() + " (1 September to 31 May)"));
            } else if (SchoolCalendar.hasBegun(monday, today) && !stored.contains(week)) {
                violations.add(new Problem.Violation(field, SchoolCalendar.begunMessage(week, monday, today)));
            } else if (distinct.remove(week)) {
                weeks.add(new OfferWeek(week, monday));
            }
        }
        return weeks;
    }

    /** Keeps the rows of the weeks that stay, so that an update does not churn them. */
    private static void replaceWeeks(Offer offer, List<OfferWeek> weeks) {
        Map<String, OfferWeek> existing = offer.weeks.stream()
                .collect(Collectors.toMap(w -> w.week, Function.identity()));
        offer.weeks.clear();
        for (OfferWeek week : weeks) {
            offer.weeks.add(existing.getOrDefault(week.week, week));
        }
    }
}
