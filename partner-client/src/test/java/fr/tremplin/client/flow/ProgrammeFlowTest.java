package fr.tremplin.client.flow;

import fr.tremplin.client.ApiClient;
import fr.tremplin.client.ApiException;
import fr.tremplin.client.api.ApplicationsApi;
import fr.tremplin.client.api.ClassesApi;
import fr.tremplin.client.api.HostOrganisationsApi;
import fr.tremplin.client.api.OfferSearchApi;
import fr.tremplin.client.api.OffersApi;
import fr.tremplin.client.api.ProgrammesApi;
import fr.tremplin.client.api.SchoolsAdministrationApi;
import fr.tremplin.client.api.SchoolsApi;
import fr.tremplin.client.api.StatisticsApi;
import fr.tremplin.client.model.AddressRequest;
import fr.tremplin.client.model.ApplicationState;
import fr.tremplin.client.model.ApplicationView;
import fr.tremplin.client.model.BulkAcceptRequest;
import fr.tremplin.client.model.BulkAcceptResult;
import fr.tremplin.client.model.ClassRequest;
import fr.tremplin.client.model.DecisionRequest;
import fr.tremplin.client.model.NominationRequest;
import fr.tremplin.client.model.OfferKind;
import fr.tremplin.client.model.OfferStatus;
import fr.tremplin.client.model.OfferSummary;
import fr.tremplin.client.model.OrganisationRequest;
import fr.tremplin.client.model.ProgrammeAllocation;
import fr.tremplin.client.model.ProgrammeDay;
import fr.tremplin.client.model.ProgrammeRequest;
import fr.tremplin.client.model.ProgrammeSchoolSeats;
import fr.tremplin.client.model.ProgrammeService;
import fr.tremplin.client.model.ProgrammeTerritory;
import fr.tremplin.client.model.ProgrammeView;
import fr.tremplin.client.model.PupilRequest;
import fr.tremplin.client.model.SchoolPatchRequest;
import fr.tremplin.client.model.SchoolPlacementFigures;
import fr.tremplin.client.model.SchoolPriority;
import fr.tremplin.client.model.SchoolRequest;
import fr.tremplin.client.model.StatisticsRow;
import fr.tremplin.client.platform.RunningPlatform;
import fr.tremplin.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import static fr.tremplin.client.flow.PartnerFlowTest.comingInternshipWeek;
import static fr.tremplin.client.flow.PartnerFlowTest.schoolYearOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A collective programme across the three services and the gateway (issue 13): schools-service knows the collèges'
 * 3e headcounts, offers-service publishes the city's programme, applications-service shares its places among the
 * collèges and takes the principals' nominations, each learning from the others' events only. Through the client
 * generated from docs/openapi.json: the gateway sends /api/v1/programmes/{id} to offers-service and
 * /api/v1/programmes/{id}/allocation and /nominations to applications-service. A nominated pupil, once confirmed,
 * is placed in schools-service's figures and counted in offers-service's statistics like any other.
 */
@ExtendWith(RunningPlatform.class)
class ProgrammeFlowTest {

    private static final String DEPARTMENT = "63";
    private static final Duration PROPAGATION = Duration.ofSeconds(60);

    @Test
    void a_city_publishes_a_programme_its_places_are_shared_by_headcount_and_a_school_nominates_a_pupil() throws Exception {
        String week = comingInternshipWeek();
        String schoolYear = schoolYearOf(week);
        ApiClient admin = Callers.as(TestTokens.as("admin"));

        // ---- two collèges of the city declare their 3e headcounts: 60 each, one of them REP+ (weight 1.5)
        String repPlus = school(admin, "Collège La Charme", SchoolPriority.REP_PLUS, 60);
        String other = school(admin, "Collège Jules Verne", SchoolPriority.NONE, 60);
        UUID classId = new SchoolsApi(admin).createClassSchool(repPlus, new ClassRequest().name("3e A").schoolYear(schoolYear))
                .getId();
        UUID pupilId = new ClassesApi(admin).enrolClass(classId,
                new PupilRequest().firstName("Yanis").lastName("Bernard")).getId();

        // ---- the city publishes its programme for those two collèges: 6 places in one week
        UUID city = UUID.randomUUID();
        new HostOrganisationsApi(admin).putOrganisation(city, new OrganisationRequest().name("Ville de Clermont-Ferrand")
                .publicSector(false).city("Clermont-Ferrand").zipcode("63000"));
        ApiClient host = Callers.as(TestTokens.as("host").claim("organisation", city.toString()));
        ProgrammeView draft = new ProgrammesApi(host).createProgramme(new ProgrammeRequest()
                .title("Pass'3e").description("Une semaine à la ville : conseil municipal, trois directions, restitution aux élus.")
                .sectorId(PartnerFlowTest.sector(admin).getId()).organisationId(city).publicSector(false)
                .address(new AddressRequest().street("10 rue Philippe Marcombes").zipcode("63000").city("Clermont-Ferrand")
                        .department(DEPARTMENT).latitude(45.7772).longitude(3.0870))
                .schoolYear(schoolYear).weeks(List.of(week)).seatsPerWeek(6)
                .territory(new ProgrammeTerritory().uais(List.of(repPlus, other)))
                .services(List.of(service("sports", "Direction des sports"), service("culture", "Direction de la culture"),
                        service("voirie", "Voirie")))
                .dayPlan(List.of(day(1, "Journée citoyenne"), day(2, "Un service"), day(3, "Un deuxième service"),
                        day(4, "Un troisième service"), day(5, "Restitution"))), UUID.randomUUID().toString());
        assertThat(new OffersApi(host).publishOffer(draft.getId()).getStatus()).isEqualTo(OfferStatus.PUBLISHED);
        ProgrammeView programme = new ProgrammesApi(host).getProgramme(draft.getId(), null);
        assertThat(programme.getStatus()).isEqualTo(OfferStatus.PUBLISHED);
        assertThat(programme.getServices()).extracting(ProgrammeService::getId).containsExactly("sports", "culture", "voirie");

        // ---- found by its kind
        List<OfferSummary> found = new OfferSearchApi(Callers.as(TestTokens.as("pupil").subject(pupilId.toString())
                .claim("school", repPlus))).offerSearch(DEPARTMENT, OfferKind.PROGRAMME, null, null, null, null, null, null,
                null, schoolYear, null, 100, List.of(week)).getItems();
        assertThat(found).anySatisfy(summary -> {
            assertThat(summary.getId()).isEqualTo(programme.getId());
            assertThat(summary.getKind()).isEqualTo(OfferKind.PROGRAMME);
        });

        // ---- the places shared: 90 and 60 weighted, 3.6 and 2.4 of 6, so 4 and 2 (largest remainder)
        ProgrammeAllocation allocation = onceKnown(() -> new ProgrammesApi(host).allocateProgramme(programme.getId()),
                answer -> answer.getSchools().size() == 2
                        && answer.getSchools().stream().allMatch(ProgrammeSchoolSeats::getCounted));
        assertThat(allocation.getTotalSeats()).isEqualTo(6);
        ApiClient principal = Callers.as(TestTokens.as("principal").claim("school", repPlus));
        ProgrammeSchoolSeats ours = new ProgrammesApi(principal).schoolSeatsInProgramme(programme.getId(), repPlus);
        assertThat(ours.getHeadcount()).isEqualTo(60);
        assertThat(ours.getSeats()).isEqualTo(4);
        assertThat(allocation.getSchools()).filteredOn(s -> s.getUai().equals(other))
                .singleElement().satisfies(s -> assertThat(s.getSeats()).isEqualTo(2));

        // ---- the principal nominates a pupil: a candidacy forwarded at once, which the city accepts with its week
        long confirmedRepPlusBefore = confirmedRepPlus(admin, schoolYear);
        String nominationKey = UUID.randomUUID().toString(); // the same key for every try: a refused one stores none
        ApplicationView nominated = onceKnown(() -> new ProgrammesApi(principal).nominateToProgramme(programme.getId(),
                new NominationRequest().pupilId(pupilId).week(week).gender(NominationRequest.GenderEnum.M),
                nominationKey), answer -> true);
        assertThat(nominated.getState()).isEqualTo(ApplicationState.FORWARDED);
        assertThat(nominated.getSchoolUai()).isEqualTo(repPlus);
        BulkAcceptResult accepted = new ProgrammesApi(host).acceptNominationsOfProgramme(programme.getId(),
                new BulkAcceptRequest().week(week));
        assertThat(accepted.getAccepted()).containsExactly(nominated.getId());
        assertThat(accepted.getRefused()).isEmpty();

        // ---- the family confirms through the school: schools-service counts the pupil placed, like any internship
        assertThat(new ApplicationsApi(principal).confirmApplication(nominated.getId(), new DecisionRequest()).getState())
                .isEqualTo(ApplicationState.CONFIRMED);
        SchoolPlacementFigures figures = onceKnown(() -> new SchoolsApi(principal).summarySchool(repPlus, schoolYear),
                answer -> answer.getPlaced() == 1);
        assertThat(figures.getPupils()).isEqualTo(1);
        assertThat(figures.getConfirmed()).isEqualTo(1);
        assertThat(figures.getPlaced()).isEqualTo(1);
        assertThat(figures.getWithoutApplication()).isZero();
        // ---- and offers-service's statistics count it among the département's confirmed internships of REP+ pupils
        long confirmedRepPlusAfter = onceKnown(() -> confirmedRepPlus(admin, schoolYear),
                count -> count > confirmedRepPlusBefore);
        assertThat(confirmedRepPlusAfter).isEqualTo(confirmedRepPlusBefore + 1);
    }

    /** The confirmed internships of REP+ pupils in the département's figures for the year (offers-service). */
    private static long confirmedRepPlus(ApiClient admin, String schoolYear) throws ApiException {
        List<StatisticsRow> rows = new StatisticsApi(admin).statistics(null, null, DEPARTMENT, "national", null, null,
                schoolYear, null).getRows();
        return rows.isEmpty() || rows.get(0).getConfirmedByPriority() == null ? 0
                : rows.get(0).getConfirmedByPriority().getREPPLUS();
    }

    private static String school(ApiClient admin, String name, SchoolPriority priority, int thirdYearPupils) throws ApiException {
        String uai = String.format("063%04d%c", ThreadLocalRandom.current().nextInt(10_000),
                (char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        new SchoolsAdministrationApi(admin).putAdminSchool(uai, new SchoolRequest().name(name).city("Clermont-Ferrand")
                .zipcode("63000").department(DEPARTMENT).priority(priority).latitude(45.78).longitude(3.08));
        assertThat(new SchoolsApi(admin).updateSchool(uai, new SchoolPatchRequest().thirdYearPupils(thirdYearPupils))
                .getThirdYearPupils()).isEqualTo(thirdYearPupils);
        return uai;
    }

    private static ProgrammeService service(String id, String name) {
        return new ProgrammeService().id(id).name(name).dailyCapacityGroups(2);
    }

    private static ProgrammeDay day(int number, String title) {
        return new ProgrammeDay().day(number).title(title);
    }

    /**
     * Calls until applications-service has learnt what the call needs (the programme, the schools' headcounts, the
     * pupil) from the other services' topics: until then it answers a 4xx problem, or an answer not yet complete.
     */
    private static <T> T onceKnown(Callable<T> call, java.util.function.Predicate<T> complete) throws Exception {
        Instant deadline = Instant.now().plus(PROPAGATION);
        while (true) {
            try {
                T answer = call.call();
                if (complete.test(answer) || Instant.now().isAfter(deadline)) {
                    return answer;
                }
            } catch (ApiException notYet) {
                if (notYet.getCode() >= 500 || notYet.getCode() == 401 || notYet.getCode() == 403
                        || Instant.now().isAfter(deadline)) {
                    throw new AssertionError("refused: " + notYet.getCode() + " " + notYet.getResponseBody(), notYet);
                }
            }
            Thread.sleep(250);
        }
    }
}
