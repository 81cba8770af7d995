package fr.tremplin.applications.service;

import com.fasterxml.jackson.databind.JsonNode;
import fr.tremplin.applications.domain.Action;
import fr.tremplin.applications.domain.Actor;
import fr.tremplin.applications.domain.Application;
import fr.tremplin.applications.domain.ApplicationState;
import fr.tremplin.applications.domain.OfferCopy;
import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.applications.repository.ApplicationRepository;
import fr.tremplin.common.events.IncomingEvent;
import fr.tremplin.common.events.ProcessedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the local copy of the offers ({@code offer_view}) and the capacity of their weeks ({@link SeatLedger}) from
 * {@code tremplin.offers.v1}. Idempotent (processed event ids), and an event older than what is known (lower
 * {@code version}, or same version and earlier {@code ce_time}) changes nothing.
 * <p>
 * When an offer changes under its candidacies, those that no longer fit are cancelled by the system with the reason
 * "offer changed", with their events: all live ones of a withdrawn week (or of a removed offer); when a week's
 * capacity drops below its held and consumed seats, as many as needed, holds first (ACCEPTED), then CONFIRMED, then
 * AGREEMENT_SIGNED, the most recent first. Completed internships are history and are never cancelled. An unpublished
 * offer takes no new candidacy but keeps its current ones.
 */
@ApplicationScoped
public class OfferReadModel {

    public static final String CONSUMER = "applications-service.offers";
    public static final String OFFER_CHANGED = "offer changed";

    private static final Logger LOG = Logger.getLogger(OfferReadModel.class);
    /** What a withdrawn week cancels. */
    private static final Set<ApplicationState> LIVE = EnumSet.of(ApplicationState.SUBMITTED, ApplicationState.FORWARDED,
            ApplicationState.ACCEPTED, ApplicationState.CONFIRMED, ApplicationState.AGREEMENT_SIGNED);
    /** What may be cancelled to bring a week back within its capacity, in this order. */
    private static final List<ApplicationState> SEATED = List.of(ApplicationState.ACCEPTED, ApplicationState.CONFIRMED,
            ApplicationState.AGREEMENT_SIGNED);

    private static final Set<String> TYPES = Set.of("offer.published", "offer.updated", "offer.unpublished",
            "offer.removed");

    private final ProcessedEvents processed;
    private final EntityManager em;
    private final SeatLedger seats;
    private final ApplicationRepository applications;
    private final Transitions transitions;
    private final Clock clock;

    public OfferReadModel(ProcessedEvents processed, EntityManager em, SeatLedger seats,
                          ApplicationRepository applications, Transitions transitions, Clock clock) {
        this.processed = processed;
        this.em = em;
        this.seats = seats;
        this.applications = applications;
        this.transitions = transitions;
        this.clock = clock;
    }

    @Transactional
    public void apply(IncomingEvent event) {
        if (!TYPES.contains(event.type()) || !processed.firstDelivery(CONSUMER, event.id())) {
            return; // another kind of event (a future type included): nothing to keep from it
        }
        JsonNode data = event.data();
        UUID offerId = uuid(event.text("offerId") != null ? event.text("offerId") : event.key(), event);
        Integer version = data.hasNonNull("version") ? data.get("version").asInt() : null;
        Instant asOf = asOf(event);
        OfferCopy offer = em.find(OfferCopy.class, offerId, LockModeType.PESSIMISTIC_WRITE);
        if (offer != null && older(version, asOf, offer)) {
            LOG.debugf("ignoring %s of offer %s: older than what is known", event.type(), offerId);
            return;
        }
        boolean removed = "offer.removed".equals(event.type());
        String status = removed ? OfferCopy.REMOVED
                : event.text("status") != null ? event.text("status") : statusOf(event.type());
        int capacity = data.path("capacityPerWeek").asInt(0);
        if (capacity < 0) {
            throw new IncomingEvent.MalformedEventException("offer event " + event.id() + ": negative capacity");
        }
        if (offer == null) {
            offer = new OfferCopy();
            offer.offerId = offerId;
        }
        offer.title = event.text("title");
        offer.status = status;
        offer.organisationId = event.text("organisationId") == null ? null : uuid(event.text("organisationId"), event);
        offer.organisationName = event.text("organisationName");
        offer.ministryCode = event.text("ministryCode");
        offer.department = event.text("department");
        offer.city = event.text("city");
        offer.reservation = event.text("reservation") == null ? "NONE" : event.text("reservation");
        offer.reservedSchoolUai = event.text("reservedSchoolUai");
        offer.capacityPerWeek = capacity;
        offer.schoolYear = event.text("schoolYear");
        offer.version = version;
        offer.asOf = asOf;
        offer.persist();

        Map<String, LocalDate> weeks = removed ? Map.of() : weeks(data.path("weeks"), event);
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

    /** A week no longer offered: every live candidacy of it is cancelled and the week closed. */
    private void withdraw(UUID offerId, SeatLedger.Week week) {
        cancel(applications.lockOfOffer(offerId, week.week(), LIVE));
        // waits for the submissions holding the week's key-share lock; once they committed, they are cancelled too
        seats.lock(offerId, week.week());
        seats.setCapacity(offerId, week.week(), week.capacity(), false);
        cancel(applications.lockOfOffer(offerId, week.week(), LIVE));
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
            if (LIVE.contains(application.state)) {
                transitions.apply(application, Action.CANCEL, Actor.SYSTEM, OFFER_CHANGED);
            }
        }
    }

    /** Older than what is known: a lower version, or the same version with an earlier time. */
    static boolean older(Integer version, Instant asOf, OfferCopy known) {
        if (version != null && known.version != null && !version.equals(known.version)) {
            return version < known.version;
        }
        return asOf.isBefore(known.asOf);
    }

    private Instant asOf(IncomingEvent event) {
        if (event.time() != null) {
            return event.time();
        }
        try {
            String occurred = event.text("occurredAt");
            return occurred == null ? clock.instant() : Instant.parse(occurred);
        } catch (DateTimeParseException e) {
            throw new IncomingEvent.MalformedEventException("offer event " + event.id() + ": bad occurredAt");
        }
    }

    private static Map<String, LocalDate> weeks(JsonNode array, IncomingEvent event) {
        Map<String, LocalDate> weeks = new LinkedHashMap<>();
        if (!array.isArray()) {
            return weeks;
        }
        for (JsonNode node : array) {
            String week = node.isTextual() ? node.asText() : node.path("week").asText(null);
            LocalDate monday = SchoolCalendar.monday(week).orElseThrow(() ->
                    new IncomingEvent.MalformedEventException("offer event " + event.id() + ": bad week " + week));
            String startsOn = node.path("startsOn").asText(null);
            try {
                weeks.put(week, startsOn == null ? monday : LocalDate.parse(startsOn));
            } catch (DateTimeParseException e) {
                throw new IncomingEvent.MalformedEventException("offer event " + event.id() + ": bad startsOn");
            }
        }
        return weeks;
    }

    private static String statusOf(String type) {
        return switch (type) {
            case "offer.published", "offer.updated" -> OfferCopy.PUBLISHED;
            case "offer.unpublished" -> "UNPUBLISHED";
            default -> OfferCopy.REMOVED; // offer.removed
        };
    }

    private static UUID uuid(String value, IncomingEvent event) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IncomingEvent.MalformedEventException("offer event " + event.id() + ": bad id " + value);
        }
    }
}
