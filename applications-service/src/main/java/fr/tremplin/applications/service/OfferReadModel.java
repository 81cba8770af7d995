package fr.tremplin.applications.service;

import fr.tremplin.applications.api.OfferEvent;
import fr.tremplin.applications.api.ProgrammeDefinition;
import fr.tremplin.applications.domain.Action;
import fr.tremplin.applications.domain.Actor;
import fr.tremplin.applications.domain.Application;
import fr.tremplin.applications.domain.ApplicationState;
import fr.tremplin.applications.domain.OfferCopy;
import fr.tremplin.applications.domain.programme.ProgrammeCopy;
import fr.tremplin.applications.repository.ApplicationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps the local copy of the offers ({@link OfferCopy}) and the capacity of their weeks ({@link SeatLedger}) from
 * {@code tremplin.offers.v1}, one {@link OfferEvent} at a time as {@code consumers.OfferEventsConsumer} reads them
 * (which also makes it idempotent: tremplin-common's {@code EventIntake}). An event older than what is known (lower
 * {@code version}, or same version and earlier time) changes nothing.
 * <p>
 * When an offer changes under its candidacies, those that no longer fit are cancelled by the system with the reason
 * "offer changed", with their events: all live ones of a withdrawn week (or of a removed offer); when a week's
 * capacity drops below its held and consumed seats, as many as needed, holds first (ACCEPTED), then CONFIRMED, then
 * AGREEMENT_SIGNED, the most recent first. Completed internships are history and are never cancelled. An unpublished
 * offer takes no new candidacy but keeps its current ones. A programme (kind PROGRAMME, issue 13) also keeps its
 * definition ({@link ProgrammeCopy}: territory, weights, minimum seat, group size, services).
 */
@ApplicationScoped
public class OfferReadModel {

    public static final String OFFER_CHANGED = "offer changed";

    private static final Logger LOG = Logger.getLogger(OfferReadModel.class);
    /** What may be cancelled to bring a week back within its capacity, in this order. */
    private static final List<ApplicationState> SEATED = List.of(ApplicationState.ACCEPTED, ApplicationState.CONFIRMED,
            ApplicationState.AGREEMENT_SIGNED);

    private final EntityManager em;
    private final SeatLedger seats;
    private final ApplicationRepository applications;
    private final Transitions transitions;

    public OfferReadModel(EntityManager em, SeatLedger seats, ApplicationRepository applications,
                          Transitions transitions) {
        this.em = em;
        this.seats = seats;
        this.applications = applications;
        this.transitions = transitions;
    }

    /** Runs in the transaction that records the event's delivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(OfferEvent event) {
        UUID offerId = event.offerId();
        int capacity = event.capacityPerWeek();
        OfferCopy offer = em.find(OfferCopy.class, offerId, LockModeType.PESSIMISTIC_WRITE);
        if (offer != null && offer.isNewerThan(event.version(), event.asOf())) {
            LOG.debugf("ignoring an event of offer %s (version %s): older than what is known", offerId,
                    event.version());
            return;
        }
        if (offer == null) {
            offer = new OfferCopy();
            offer.offerId = offerId;
        }
        offer.title = event.title();
        offer.status = event.status();
        offer.organisationId = event.organisationId();
        offer.organisationName = event.organisationName();
        offer.ministryCode = event.ministryCode();
        offer.department = event.department();
        offer.city = event.city();
        offer.reservation = event.reservation();
        offer.reservedSchoolUai = event.reservedSchoolUai();
        offer.capacityPerWeek = capacity;
        offer.schoolYear = event.schoolYear();
        offer.kind = event.kind();
        offer.version = event.version();
        offer.asOf = event.asOf();
        offer.persist();
        if (event.programme() != null) {
            programme(offerId, event.programme());
        }

        Map<String, LocalDate> weeks = event.weeks();
        for (SeatLedger.Week known : seats.weeks(offerId)) {
            if (known.open() && !weeks.containsKey(known.week())) {
                withdraw(offerId, known);
            }
        }
        for (Map.Entry<String, LocalDate> week : weeks.entrySet()) {
            if (seats.week(offerId, week.getKey()).isPresent()) {
                resize(offerId, week.getKey(), capacity);
            } else {
                seats.open(offerId, week.getKey(), week.getValue(), capacity);
            }
        }
    }

    /** The programme's definition beside its offer (a removed programme's event may carry none: the copy stays). */
    private void programme(UUID offerId, ProgrammeDefinition definition) {
        ProgrammeCopy programme = em.find(ProgrammeCopy.class, offerId);
        if (programme == null) {
            programme = new ProgrammeCopy();
            programme.offerId = offerId;
        }
        programme.territoryDepartments = definition.departments().toArray(String[]::new);
        programme.territoryBassin = definition.bassin();
        programme.territoryUais = definition.uais().toArray(String[]::new);
        programme.weightRepPlus = definition.weightRepPlus();
        programme.weightRep = definition.weightRep();
        programme.weightNone = definition.weightNone();
        programme.minimumOneSeatPerSchool = definition.minimumOneSeatPerSchool();
        programme.groupSize = definition.groupSize();
        programme.services(definition.services().stream()
                .map(s -> new ProgrammeCopy.Service(s.id(), s.name(), s.dailyCapacityGroups())).toList());
        programme.persist();
    }

    /** A week no longer offered: every live candidacy of it is cancelled and the week closed. */
    private void withdraw(UUID offerId, SeatLedger.Week week) {
        cancel(applications.lockOfOffer(offerId, week.week(), ApplicationState.LIVE));
        // waits for the submissions holding the week's key-share lock; once they committed, they are cancelled too
        seats.lock(offerId, week.week());
        seats.setCapacity(offerId, week.week(), week.capacity(), false);
        cancel(applications.lockOfOffer(offerId, week.week(), ApplicationState.LIVE));
    }

    /** A week's capacity, with the candidacies beyond it cancelled; a reopened week opens again. */
    private void resize(UUID offerId, String week, int capacity) {
        applications.lockOfOffer(offerId, week, EnumSet.copyOf(SEATED));
        SeatLedger.Week current = seats.lock(offerId, week).orElseThrow();
        int excess = current.held() + current.consumed() - capacity;
        if (excess > 0) {
            List<Application> seated = applications.lockOfOffer(offerId, week, EnumSet.copyOf(SEATED)).stream()
                    .sorted(Comparator.<Application>comparingInt(a -> SEATED.indexOf(a.state))
                            .thenComparing(a -> a.stateSince, Comparator.reverseOrder()))
                    .limit(excess).toList();
            cancel(seated);
        }
        seats.setCapacity(offerId, week, capacity, true);
    }

    private void cancel(List<Application> candidacies) {
        for (Application application : candidacies) {
            if (ApplicationState.LIVE.contains(application.state)) {
                transitions.apply(application, Action.CANCEL, Actor.SYSTEM, OFFER_CHANGED);
            }
        }
    }
}
