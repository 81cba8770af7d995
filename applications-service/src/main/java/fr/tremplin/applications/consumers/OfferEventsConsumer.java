package fr.tremplin.applications.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import fr.tremplin.applications.api.OfferEvent;
import fr.tremplin.applications.domain.OfferCopy;
import fr.tremplin.applications.service.OfferReadModel;
import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.common.events.EventHandler;
import fr.tremplin.common.events.EventIntake;
import fr.tremplin.common.events.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code tremplin.offers.v1} into the offers read model and the seat ledger ({@link OfferReadModel}), through
 * tremplin-common's one consumer recipe ({@link EventIntake}: idempotence, lost races retried, poison to
 * {@code tremplin.offers.v1.dlq}). This class only reads an event into an {@link OfferEvent}.
 */
@ApplicationScoped
public class OfferEventsConsumer implements EventHandler<OfferEvent> {

    /** The name its processed event ids are recorded under (unchanged, so that those already recorded still count). */
    public static final String NAME = "applications-service.offers";

    private static final Set<String> TYPES = Set.of("offer.published", "offer.updated", "offer.unpublished",
            "offer.removed");

    private final EventIntake intake;
    private final OfferReadModel offers;

    public OfferEventsConsumer(EventIntake intake, OfferReadModel offers) {
        this.intake = intake;
        this.offers = offers;
    }

    @Incoming("offers")
    @Blocking
    public void onOfferEvents(ConsumerRecords<String, String> records) {
        intake.consume(records, this);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<OfferEvent> read(IncomingEvent event) {
        if (!TYPES.contains(event.type())) {
            return Optional.empty(); // another kind of event (a future type included): nothing to keep from it
        }
        JsonNode data = event.data();
        boolean removed = "offer.removed".equals(event.type());
        int capacity = data.path("capacityPerWeek").asInt(0);
        if (capacity < 0) {
            throw new IncomingEvent.MalformedEventException(event.type() + " event " + event.id()
                    + ": negative capacity");
        }
        return Optional.of(new OfferEvent(offerId(event),
                data.hasNonNull("version") ? data.get("version").asInt() : null,
                event.asOf(),
                removed ? OfferCopy.REMOVED : event.text("status") != null ? event.text("status") : statusOf(event.type()),
                event.text("title"),
                event.uuid("organisationId"),
                event.text("organisationName"),
                event.text("ministryCode"),
                event.text("department"),
                event.text("city"),
                event.text("reservation") == null ? "NONE" : event.text("reservation"),
                event.text("reservedSchoolUai"),
                capacity,
                event.text("schoolYear"),
                removed ? Map.of() : weeks(event),
                kind(event),
                ProgrammeBlock.read(event)));
    }

    @Override
    public void apply(OfferEvent event) {
        offers.apply(event);
    }

    /** The payload's {@code offerId}, else the record's key (offers-service keys its records by offer id). */
    private static UUID offerId(IncomingEvent event) {
        if (event.text("offerId") != null || event.key() == null) {
            return event.requiredUuid("offerId");
        }
        try {
            return UUID.fromString(event.key());
        } catch (IllegalArgumentException e) {
            throw new IncomingEvent.MalformedEventException(event.type() + " event " + event.id()
                    + ": no offerId, and its key is not one");
        }
    }

    private static Map<String, LocalDate> weeks(IncomingEvent event) {
        Map<String, LocalDate> weeks = new LinkedHashMap<>();
        JsonNode array = event.data().path("weeks");
        if (!array.isArray()) {
            return Map.of();
        }
        for (JsonNode node : array) {
            String week = node.isTextual() ? node.asText() : node.path("week").asText(null);
            LocalDate monday = SchoolCalendar.monday(week).orElseThrow(() -> new IncomingEvent.MalformedEventException(
                    event.type() + " event " + event.id() + ": bad week " + week));
            String startsOn = node.path("startsOn").asText(null);
            try {
                weeks.put(week, startsOn == null ? monday : LocalDate.parse(startsOn));
            } catch (DateTimeParseException e) {
                throw new IncomingEvent.MalformedEventException(event.type() + " event " + event.id()
                        + ": bad startsOn");
            }
        }
        return Collections.unmodifiableMap(weeks);
    }

    /** OFFER or PROGRAMME; an event without one (older than issue 13) is an OFFER. */
    private static String kind(IncomingEvent event) {
        String kind = event.text("kind");
        if (kind == null) {
            return OfferCopy.OFFER;
        }
        if (!OfferCopy.OFFER.equals(kind) && !OfferCopy.PROGRAMME.equals(kind)) {
            throw new IncomingEvent.MalformedEventException(event.type() + " event " + event.id() + ": unknown kind");
        }
        if (OfferCopy.PROGRAMME.equals(kind) && !event.data().hasNonNull("programme")
                && !"offer.removed".equals(event.type())) {
            throw new IncomingEvent.MalformedEventException(event.type() + " event " + event.id()
                    + ": a programme without its programme block");
        }
        return kind;
    }

    private static String statusOf(String type) {
        return switch (type) {
            case "offer.published", "offer.updated" -> OfferCopy.PUBLISHED;
            case "offer.unpublished" -> "UNPUBLISHED";
            default -> OfferCopy.REMOVED; // offer.removed
        };
    }
}
