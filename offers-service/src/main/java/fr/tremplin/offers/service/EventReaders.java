package fr.tremplin.offers.service;

import com.fasterxml.jackson.databind.JsonNode;
import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.common.events.IncomingEvent;
import fr.tremplin.common.events.IncomingEvent.MalformedEventException;
import fr.tremplin.offers.api.CandidacyStateChanged;
import fr.tremplin.offers.api.OfferChanged;
import fr.tremplin.offers.api.PupilErased;
import fr.tremplin.offers.api.SchoolEvent;
import fr.tremplin.offers.api.SchoolPriorityChanged;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How offers-service reads the events it consumes, written once for the live consumers ({@code consumers/}) and the
 * statistics rebuild ({@link StatisticsRebuild}), so that both fold exactly the same typed events. Empty: not an event
 * for this service. {@link MalformedEventException}: poison (the live consumers send it to the {@code .dlq}, the
 * rebuild skips it). Messages name fields and ids, never a payload value.
 */
public final class EventReaders {

    /** The candidacy events of {@code tremplin.applications.v1}; each carries applications-service's whole payload. */
    private static final Set<String> CANDIDACY_TYPES = Set.of("agreement.signed", "internship.completed");

    private EventReaders() {
    }

    /**
     * {@code application.*}, {@code agreement.signed} and {@code internship.completed}: applications-service emits its
     * whole payload with every one of them (ApplicationEvents.Payload), agreements included, so all need the
     * candidacy, offer, a real ISO week, the pupil and the state. A missing school priority counts as {@code NONE}
     * (applications-service may not know it; an unknown school counts as neither REP nor REP+).
     */
    public static Optional<CandidacyStateChanged> candidacy(IncomingEvent event) {
        if (!event.type().startsWith("application.") && !CANDIDACY_TYPES.contains(event.type())) {
            return Optional.empty();
        }
        String week = event.required("week");
        if (SchoolCalendar.monday(week).isEmpty()) {
            throw new MalformedEventException(event.type() + " event " + event.id() + ": week is not an ISO week");
        }
        String priority = event.text("schoolPriority");
        return Optional.of(new CandidacyStateChanged(event.requiredUuid("applicationId"),
                event.requiredUuid("offerId"), week, event.required("state"), event.asOf(),
                event.requiredUuid("pupilId"), event.text("schoolUai"), priority == null ? "NONE" : priority,
                event.text("schoolDepartment")));
    }

    /** {@code school.*} (a school's priority) and {@code pupil.erased}; the other {@code pupil.*} are not for us. */
    public static Optional<SchoolEvent> school(IncomingEvent event) {
        if ("pupil.erased".equals(event.type())) {
            return Optional.of(new PupilErased(event.requiredUuid("pupilId")));
        }
        if (!event.type().startsWith("school.")) {
            return Optional.empty();
        }
        String uai = event.text("uai") != null ? event.text("uai") : event.key();
        if (uai == null) {
            throw new MalformedEventException(event.type() + " event " + event.id() + " has no uai");
        }
        return Optional.of(new SchoolPriorityChanged(uai, event.required("priority"), event.text("department"),
                event.asOf()));
    }

    /** {@code offer.*}: the whole offer as OfferEvents.Payload writes it. */
    public static Optional<OfferChanged> offer(IncomingEvent event) {
        if (!event.type().startsWith("offer.")) {
            return Optional.empty();
        }
        JsonNode weeksNode = event.data().get("weeks");
        if (weeksNode == null || !weeksNode.isArray()) {
            throw new MalformedEventException(event.type() + " event " + event.id() + " has no weeks");
        }
        List<OfferChanged.Week> weeks = new ArrayList<>();
        for (JsonNode week : weeksNode) {
            String name = week.path("week").asText(null);
            String startsOn = week.path("startsOn").asText(null);
            if (name == null || startsOn == null || SchoolCalendar.monday(name).isEmpty()) {
                throw new MalformedEventException(event.type() + " event " + event.id() + ": unreadable weeks");
            }
            try {
                weeks.add(new OfferChanged.Week(name, LocalDate.parse(startsOn)));
            } catch (DateTimeParseException e) {
                throw new MalformedEventException(event.type() + " event " + event.id() + ": unreadable weeks");
            }
        }
        return Optional.of(new OfferChanged(event.requiredUuid("offerId"), event.required("status"),
                integer(event, "version"), event.required("schoolYear"), event.text("ministryCode"),
                bool(event, "publicSector"), event.required("sectorId"), event.required("department"), weeks,
                integer(event, "capacityPerWeek"), event.asOf()));
    }

    private static int integer(IncomingEvent event, String field) {
        JsonNode node = event.data().get(field);
        if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new MalformedEventException(event.type() + " event " + event.id() + " has no integer " + field);
        }
        return node.intValue();
    }

    private static boolean bool(IncomingEvent event, String field) {
        JsonNode node = event.data().get(field);
        if (node == null || !node.isBoolean()) {
            throw new MalformedEventException(event.type() + " event " + event.id() + " has no boolean " + field);
        }
        return node.booleanValue();
    }
}
