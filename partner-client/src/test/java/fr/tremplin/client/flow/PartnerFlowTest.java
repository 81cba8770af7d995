package fr.tremplin.client.flow;

import fr.tremplin.client.ApiClient;
import fr.tremplin.client.ApiException;
import fr.tremplin.client.api.ApplicationsApi;
import fr.tremplin.client.api.ClassesApi;
import fr.tremplin.client.api.HostOrganisationsApi;
import fr.tremplin.client.api.OfferSearchApi;
import fr.tremplin.client.api.OffersApi;
import fr.tremplin.client.api.ReferenceDataApi;
import fr.tremplin.client.api.RelaysApi;
import fr.tremplin.client.api.SchoolsAdministrationApi;
import fr.tremplin.client.api.SchoolsApi;
import fr.tremplin.client.api.SeatsApi;
import fr.tremplin.client.model.AddressRequest;
import fr.tremplin.client.model.ApplicationRequest;
import fr.tremplin.client.model.ApplicationState;
import fr.tremplin.client.model.ApplicationView;
import fr.tremplin.client.model.ClassRequest;
import fr.tremplin.client.model.ClassView;
import fr.tremplin.client.model.DecisionRequest;
import fr.tremplin.client.model.OfferKind;
import fr.tremplin.client.model.OfferRequest;
import fr.tremplin.client.model.OfferStatus;
import fr.tremplin.client.model.OfferSummary;
import fr.tremplin.client.model.OfferView;
import fr.tremplin.client.model.OrganisationRequest;
import fr.tremplin.client.model.PageOfferSummary;
import fr.tremplin.client.model.SchoolPriority;
import fr.tremplin.client.model.PupilRequest;
import fr.tremplin.client.model.PupilView;
import fr.tremplin.client.model.RelayRequest;
import fr.tremplin.client.model.RelayView;
import fr.tremplin.client.model.SchoolRequest;
import fr.tremplin.client.model.SchoolView;
import fr.tremplin.client.model.SectorView;
import fr.tremplin.client.model.ApplicationStep;
import fr.tremplin.client.model.WeekSeats;
import fr.tremplin.client.model.WeekView;
import fr.tremplin.client.model.WeeksRequest;
import fr.tremplin.client.platform.RunningPlatform;
import fr.tremplin.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's main flow, through the client generated from docs/openapi.json and the gateway, against the real
 * services: an admin sets up a REP+ collège with a class and a pupil, a host organisation with a published offer of
 * a week of seats, and a relay covering the département; then the pupil searches and applies, the relay forwards,
 * the host accepts (a seat held), the pupil confirms (the seat consumed). The services learn of each other's data by
 * Kafka, so the first candidacy is retried until applications-service knows the school and the offer.
 */
@ExtendWith(RunningPlatform.class)
class PartnerFlowTest {

    private static final String DEPARTMENT = "59";
    private static final Duration PROPAGATION = Duration.ofSeconds(60);

    @Test
    void a_pupil_applies_the_relay_forwards_the_host_accepts_and_the_pupil_confirms() throws Exception {
        String week = comingInternshipWeek();
        String schoolYear = schoolYearOf(week);
        ApiClient admin = Callers.as(TestTokens.as("admin"));

        // ---- an admin sets up a school, its class and pupil, a host organisation, and a relay for the département
        String uai = String.format("059%04d%c", ThreadLocalRandom.current().nextInt(10_000),
                (char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        SchoolView school = new SchoolsAdministrationApi(admin).putAdminSchool(uai, new SchoolRequest()
                .name("Collège Anne Frank").city("Lille").zipcode("59000").department(DEPARTMENT)
                .priority(SchoolPriority.REP_PLUS).latitude(50.6292).longitude(3.0573));
        assertThat(school.getUai()).isEqualTo(uai);
        assertThat(school.getPriority()).isEqualTo(SchoolPriority.REP_PLUS);
        school = new SchoolsApi(admin).declareWeeksSchool(uai, new WeeksRequest().schoolYear(schoolYear).weeks(List.of(week)));
        assertThat(school.getDeclaredWeeks()).extracting(WeekView::getWeek).contains(week);

        ClassView schoolClass = new SchoolsApi(admin).createClassSchool(uai, new ClassRequest().name("3e B").schoolYear(schoolYear));
        assertThat(schoolClass.getUai()).isEqualTo(uai);
        assertThat(schoolClass.getSchoolYear()).isEqualTo(schoolYear);
        PupilView pupil = new ClassesApi(admin).enrolClass(schoolClass.getId(), new PupilRequest().firstName("Inès").lastName("Martin"));
        assertThat(pupil.getClassId()).isEqualTo(schoolClass.getId());
        assertThat(pupil.getUai()).isEqualTo(uai);

        SectorView sector = sector(admin);
        UUID organisationId = UUID.randomUUID();
        assertThat(new HostOrganisationsApi(admin).putOrganisation(organisationId, new OrganisationRequest()
                .name("Atelier du Nord").publicSector(false).city("Lille").zipcode("59000")).getId()).isEqualTo(organisationId);

        String relayId = "relay-nord-" + ThreadLocalRandom.current().nextInt(1_000_000);
        RelayView relay = new RelaysApi(admin).putRelay(relayId, new RelayRequest().name("FACE Nord").departments(List.of(DEPARTMENT)));
        assertThat(relay.getId()).isEqualTo(relayId);
        assertThat(relay.getDepartments()).containsExactly(DEPARTMENT);
        assertThat(relay.getActive()).isTrue();

        // ---- the host publishes an offer with two seats in that week
        ApiClient host = Callers.as(TestTokens.as("host").claim("organisation", organisationId.toString()));
        OfferView draft = new OffersApi(host).createOffer(new OfferRequest()
                .title("Découvrir la menuiserie").description("Une semaine à l'atelier, des machines aux finitions.")
                .sectorId(sector.getId()).organisationId(organisationId).publicSector(false)
                .address(new AddressRequest().street("12 rue de Paris").zipcode("59000").city("Lille").department(DEPARTMENT)
                        .latitude(50.6365).longitude(3.0635))
                .schoolYear(schoolYear).weeks(List.of(week)).capacityPerWeek(2), UUID.randomUUID().toString());
        assertThat(draft.getStatus()).isNotEqualTo(OfferStatus.PUBLISHED);
        OfferView offer = new OffersApi(host).publishOffer(draft.getId());
        assertThat(offer.getStatus()).isEqualTo(OfferStatus.PUBLISHED);
        assertThat(offer.getOrganisationId()).isEqualTo(organisationId);
        assertThat(offer.getWeeks()).singleElement().satisfies(w -> {
            assertThat(w.getWeek()).isEqualTo(week);
            assertThat(w.getFreeSeats()).isEqualTo(2);
        });

        // ---- the pupil searches
        UUID pupilId = pupil.getId();
        ApiClient pupilClient = Callers.as(TestTokens.as("pupil").subject(pupilId.toString()).claim("school", uai));
        PageOfferSummary found = new OfferSearchApi(pupilClient).offerSearch(DEPARTMENT, OfferKind.OFFER, null, null, null,
                null, null, "menuiserie", null, schoolYear, null, null, List.of(week));
        OfferSummary summary = found.getItems().stream().filter(o -> o.getId().equals(offer.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("the published offer is not found by the search: " + found));
        assertThat(summary.getTitle()).isEqualTo("Découvrir la menuiserie");
        assertThat(summary.getKind()).isEqualTo(OfferKind.OFFER);
        assertThat(summary.getOrganisationName()).isEqualTo("Atelier du Nord");
        assertThat(summary.getDepartment()).isEqualTo(DEPARTMENT);
        assertThat(summary.getSectorId()).isEqualTo(sector.getId());
        assertThat(summary.getWeeks()).anySatisfy(w -> assertThat(w.getWeek()).isEqualTo(week));

        // ---- applies: SUBMITTED, in the relay's queue
        ApplicationView candidacy = applyOnceKnown(new ApplicationsApi(pupilClient), new ApplicationRequest()
                .offerId(summary.getId()).week(week).motivation("J'aime le bois et travailler de mes mains."));
        assertThat(candidacy.getState()).isEqualTo(ApplicationState.SUBMITTED);
        assertThat(candidacy.getPupilId()).isEqualTo(pupilId);
        assertThat(candidacy.getSchoolUai()).isEqualTo(uai);
        assertThat(candidacy.getOfferId()).isEqualTo(offer.getId());
        assertThat(candidacy.getOrganisationId()).isEqualTo(organisationId);
        assertThat(candidacy.getRelayId()).isEqualTo(relayId);
        assertThat(candidacy.getWeek()).isEqualTo(week);
        assertThat(candidacy.getStartsOn()).isEqualTo(monday(week));
        assertThat(new RelaysApi(Callers.as(TestTokens.as("relay").claim("relay", relayId))).queueRelay(relayId, null, null)
                .getItems()).anySatisfy(item -> assertThat(item.getId()).isEqualTo(candidacy.getId()));

        // ---- the relay forwards it to the host
        ApiClient relayAgent = Callers.as(TestTokens.as("relay").claim("relay", relayId));
        ApplicationView forwarded = new ApplicationsApi(relayAgent).forwardApplication(candidacy.getId(), new DecisionRequest());
        assertThat(forwarded.getState()).isEqualTo(ApplicationState.FORWARDED);

        // ---- the host accepts: a seat held until the pupil confirms
        ApplicationView accepted = new ApplicationsApi(host).acceptApplication(candidacy.getId(), new DecisionRequest());
        assertThat(accepted.getState()).isEqualTo(ApplicationState.ACCEPTED);
        assertThat(accepted.getHoldExpiresAt()).isAfter(OffsetDateTime.now());
        assertThat(seats(host, offer.getId(), week)).satisfies(s -> {
            assertThat(s.getHeld()).isEqualTo(1);
            assertThat(s.getConsumed()).isZero();
        });

        // ---- the pupil confirms: the seat consumed, the agreement drafted
        ApplicationView confirmed = new ApplicationsApi(pupilClient).confirmApplication(candidacy.getId(), new DecisionRequest());
        assertThat(confirmed.getState()).isEqualTo(ApplicationState.CONFIRMED);
        assertThat(confirmed.getAgreementId()).isNotNull();
        assertThat(seats(host, offer.getId(), week)).satisfies(s -> {
            assertThat(s.getHeld()).isZero();
            assertThat(s.getConsumed()).isEqualTo(1);
        });

        ApplicationView read = new ApplicationsApi(pupilClient).getApplication(candidacy.getId());
        assertThat(read.getHistory()).extracting(ApplicationStep::getAction).containsExactly("submit", "forward", "accept", "confirm");
        assertThat(read.getHistory()).extracting(ApplicationStep::getTo).containsExactly(ApplicationState.SUBMITTED,
                ApplicationState.FORWARDED, ApplicationState.ACCEPTED, ApplicationState.CONFIRMED);
        assertThat(read.getHistory()).extracting(ApplicationStep::getRole).containsExactly("pupil", "relay", "host", "pupil");
    }

    /** The sectors come from the open data (data/sectors.csv): imported once, idempotent. */
    static SectorView sector(ApiClient admin) throws ApiException {
        ReferenceDataApi referenceData = new ReferenceDataApi(admin);
        List<SectorView> sectors = referenceData.sectorsReferenceData();
        if (sectors.isEmpty()) {
            referenceData.importReferenceDataReferenceData();
            sectors = referenceData.sectorsReferenceData();
        }
        assertThat(sectors).as("sectors after the reference data import").isNotEmpty();
        return sectors.get(0);
    }

    /**
     * Applies as soon as applications-service has the school (with its declared week) and the offer from their
     * topics: until then it answers a 4xx problem naming what it does not know, and nothing is stored.
     */
    private static ApplicationView applyOnceKnown(ApplicationsApi applications, ApplicationRequest request) throws Exception {
        Instant deadline = Instant.now().plus(PROPAGATION);
        while (true) {
            try {
                return applications.submitApplication(request, null);
            } catch (ApiException notYet) {
                if (notYet.getCode() >= 500 || notYet.getCode() == 401 || Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the candidacy was refused: " + notYet.getCode() + " "
                            + notYet.getResponseBody(), notYet);
                }
                Thread.sleep(250);
            }
        }
    }

    private static WeekSeats seats(ApiClient host, UUID offerId, String week) throws ApiException {
        return new SeatsApi(host).getSeat(offerId).getWeeks().stream().filter(w -> week.equals(w.getWeek())).findFirst()
                .orElseThrow(() -> new AssertionError("no seats for " + week));
    }

    /** The Monday three weeks ahead, or the first one after it inside a school year's internship period. */
    static String comingInternshipWeek() {
        LocalDate monday = LocalDate.now(ZoneId.of("Europe/Paris")).plusWeeks(3).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        while (monday.getMonthValue() >= 6 && monday.getMonthValue() <= 8) {
            monday = monday.plusWeeks(1);
        }
        return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    static LocalDate monday(String week) {
        return LocalDate.parse(week + "-1", DateTimeFormatter.ISO_WEEK_DATE);
    }

    /** 1 September to 31 May: the school year the week's Monday falls in. */
    static String schoolYearOf(String week) {
        LocalDate monday = monday(week);
        int start = monday.getMonthValue() >= 9 ? monday.getYear() : monday.getYear() - 1;
        return start + "-" + (start + 1);
    }
}
