package fr.tremplin.offers.service;

import fr.tremplin.common.problem.Problem;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.offers.api.AddressRequest;
import fr.tremplin.offers.api.OfferRequest;
import fr.tremplin.offers.domain.Offer;
import fr.tremplin.offers.domain.OfferWeek;
import fr.tremplin.offers.domain.Reservation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** The rules an offer must satisfy beyond its shape, without a database: the sector and ministry lookups are given. */
class OfferRulesTest {

    /** Before every week these tests offer (the school year 2027-2028 starts with 2027-W36). */
    private static final LocalDate TODAY = LocalDate.of(2027, 3, 10);

    private static final AddressRequest AJACCIO = new AddressRequest("1 cours Napoléon", "20000", " Ajaccio ", "2A",
            "Corse", 41.9192, 8.7386);

    private static OfferRequest request(String schoolYear, List<String> weeks, Integer capacity, Integer groupSize,
                                        Reservation reservation, String uai, Boolean publicSector, String ministry) {
        return new OfferRequest("  Découvrir la boulangerie ", " Pétrir, cuire, vendre. ", "sector-1", null, null,
                publicSector, ministry, AJACCIO, schoolYear, weeks, capacity, groupSize, reservation, uai, null, null);
    }

    private static OfferRequest valid() {
        return request("2027-2028", List.of("2028-W05", "2028-W06"), 3, null, null, null, false, null);
    }

    private static List<Problem.Violation> violations(OfferRequest request, boolean knownSector, boolean knownMinistry) {
        Offer offer = new Offer();
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> OfferRules.apply(request, offer, knownSector, knownMinistry, TODAY));
        assertThat(refused).as("the request is refused").isNotNull();
        assertThat(refused.status()).isEqualTo(422);
        assertThat(offer.title).as("nothing is written on a refused offer").isNull();
        return refused.toProblem().violations();
    }

    @Test
    void aValidRequestIsWrittenOnTheOfferWithItsDefaults() {
        Offer offer = new Offer();
        OfferRules.apply(valid(), offer, true, true, TODAY);

        assertThat(offer.title).isEqualTo("Découvrir la boulangerie");
        assertThat(offer.description).isEqualTo("Pétrir, cuire, vendre.");
        assertThat(offer.city).isEqualTo("Ajaccio");
        assertThat(offer.department).isEqualTo("2A");
        assertThat(offer.schoolYear).isEqualTo("2027-2028");
        assertThat(offer.capacityPerWeek).isEqualTo(3);
        assertThat(offer.maxGroupSize).as("one pupil at a time unless said").isEqualTo(1);
        assertThat(offer.reservation).isEqualTo(Reservation.NONE);
        assertThat(offer.weeks).extracting(w -> w.week, w -> w.startsOn).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2028-W05", LocalDate.of(2028, 1, 31)),
                org.assertj.core.groups.Tuple.tuple("2028-W06", LocalDate.of(2028, 2, 7)));
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        OfferRequest request = request("2027-2028", List.of("2028-W05"), 2, 3, Reservation.SCHOOL, null, true, "XYZ");

        assertThat(violations(request, false, false)).extracting(Problem.Violation::field)
                .containsExactly("sectorId", "ministryCode", "reservedSchoolUai", "maxGroupSize");
    }

    @Test
    void aPublicOfferNeedsAMinistry() {
        OfferRequest request = request("2027-2028", List.of("2028-W05"), 2, null, null, null, true, null);

        assertThat(violations(request, true, true)).singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("ministryCode"))
                .satisfies(v -> assertThat(v.message()).isEqualTo("is required for a public-sector offer"));
    }

    @Test
    void aWeekMustExistAndFallInsideTheSchoolYear() {
        // 2027 has 52 ISO weeks; week 30 of 2028 starts in July, after 31 May; week 35 of 2027 starts on 30 August
        OfferRequest request = request("2027-2028", List.of("2028-W05", "2027-W53", "2028-W30", "2027-W35"), 2, null,
                null, null, false, null);

        assertThat(violations(request, true, true)).extracting(Problem.Violation::field, Problem.Violation::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("weeks[1]", "no such ISO week"),
                        org.assertj.core.groups.Tuple.tuple("weeks[2]", "is outside the school year 2027-2028 (1 September to 31 May)"),
                        org.assertj.core.groups.Tuple.tuple("weeks[3]", "is outside the school year 2027-2028 (1 September to 31 May)"));
    }

    @Test
    void theFirstWeekOfSeptemberAndTheLastOfMayBelongToTheSchoolYear() {
        // Monday 6 September 2027 and Monday 29 May 2028
        Offer offer = new Offer();
        OfferRules.apply(request("2027-2028", List.of("2027-W36", "2028-W22"), 1, null, null, null, false, null),
                offer, true, true, TODAY);

        assertThat(offer.weeks).extracting(w -> w.startsOn)
                .containsExactly(LocalDate.of(2027, 9, 6), LocalDate.of(2028, 5, 29));
    }

    @Test
    void aSchoolYearMustBeTwoConsecutiveYears() {
        OfferRequest request = request("2027-2029", List.of("2028-W05"), 1, null, null, null, false, null);

        assertThat(violations(request, true, true)).extracting(Problem.Violation::field).containsExactly("schoolYear");
    }

    @Test
    void aReservationForOneSchoolGoesWithItsUaiAndOnlyThen() {
        assertThat(violations(request("2027-2028", List.of("2028-W05"), 1, null, Reservation.SCHOOL, null, false, null),
                true, true)).extracting(Problem.Violation::field).containsExactly("reservedSchoolUai");
        assertThat(violations(request("2027-2028", List.of("2028-W05"), 1, null, Reservation.REP, "0590001A", false, null),
                true, true)).extracting(Problem.Violation::message).containsExactly("only goes with reservation SCHOOL");

        Offer offer = new Offer();
        OfferRules.apply(request("2027-2028", List.of("2028-W05"), 1, null, Reservation.SCHOOL, "0590001A", false, null),
                offer, true, true, TODAY);
        assertThat(offer.reservation).isEqualTo(Reservation.SCHOOL);
        assertThat(offer.reservedSchoolUai).isEqualTo("0590001A");
    }

    @Test
    void aRepeatedWeekIsKeptOnce() {
        Offer offer = new Offer();
        OfferRules.apply(request("2027-2028", List.of("2028-W05", "2028-W05", "2028-W06"), 1, null, null, null, false,
                null), offer, true, true, TODAY);

        assertThat(offer.weeks).extracting(w -> w.week).containsExactly("2028-W05", "2028-W06");
    }

    @Test
    void anUpdateKeepsTheWeeksThatStay() {
        Offer offer = new Offer();
        OfferRules.apply(valid(), offer, true, true, TODAY);
        OfferWeek kept = offer.weeks.get(1);

        OfferRules.apply(request("2027-2028", List.of("2028-W06", "2028-W07"), 3, null, null, null, false, null),
                offer, true, true, TODAY);

        assertThat(offer.weeks).extracting(w -> w.week).containsExactly("2028-W06", "2028-W07");
        assertThat(offer.weeks.get(0)).as("the same row, not a new one").isSameAs(kept);
    }

    @Test
    void aWeekThatHasBegunCannotBeAddedAndTheProblemNamesIt() {
        Offer offer = new Offer();
        LocalDate mondayOfW05 = LocalDate.of(2028, 1, 31);
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> OfferRules.apply(
                request("2027-2028", List.of("2028-W06", "2028-W05"), 1, null, null, null, false, null),
                offer, true, true, mondayOfW05));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.toProblem().violations()).extracting(Problem.Violation::field, Problem.Violation::message)
                .containsExactly(tuple("weeks[1]",
                        "2028-W05 has begun (on Monday 2028-01-31): the first week still open is 2028-W06"));
        assertThat(offer.weeks).as("nothing written").isEmpty();

        OfferRules.apply(request("2027-2028", List.of("2028-W06"), 1, null, null, null, false, null),
                offer, true, true, mondayOfW05.minusDays(1));
        assertThat(offer.weeks).extracting(w -> w.week).as("the Sunday before, it is still open")
                .containsExactly("2028-W06");
    }

    @Test
    void anEditKeepsTheWeeksAlreadyOfferedThatHaveBegunButAddsNoOther() {
        Offer offer = new Offer();
        OfferRules.apply(valid(), offer, true, true, TODAY); // 2028-W05 and 2028-W06
        LocalDate duringW06 = LocalDate.of(2028, 2, 9);

        OfferRules.apply(request("2027-2028", List.of("2028-W05", "2028-W06", "2028-W08"), 2, null, null, null, false,
                null), offer, true, true, duringW06);
        assertThat(offer.weeks).extracting(w -> w.week).containsExactly("2028-W05", "2028-W06", "2028-W08");
        assertThat(offer.capacityPerWeek).isEqualTo(2);

        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> OfferRules.apply(
                request("2027-2028", List.of("2028-W05", "2028-W04", "2028-W08"), 3, null, null, null, false, null),
                offer, true, true, duringW06));
        assertThat(refused.toProblem().violations()).extracting(Problem.Violation::field).containsExactly("weeks[1]");
        assertThat(offer.capacityPerWeek).as("nothing written").isEqualTo(2);
    }
}
