package fr.tremplin.offers.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.common.events.IncomingEvent;
import fr.tremplin.common.events.IncomingEvent.MalformedEventException;
import fr.tremplin.offers.api.CandidacyStateChanged;
import fr.tremplin.offers.api.OfferChanged;
import fr.tremplin.offers.api.PupilErased;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the live consumers and the statistics rebuild read of an event, and what is poison: no Quarkus needed. */
class EventReadersTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant AT = Instant.parse("2028-01-20T10:00:00Z");
    private static final UUID APPLICATION = UUID.randomUUID();
    private static final UUID OFFER = UUID.randomUUID();
    private static final UUID PUPIL = UUID.randomUUID();

    private static IncomingEvent event(String type, String json) {
        try {
            return new IncomingEvent(UUID.randomUUID().toString(), type, "/tremplin/tests", null, AT, "key",
                    MAPPER.readTree(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String candidacy(String pupil, String week, String priority) {
        return "{\"applicationId\":\"" + APPLICATION + "\",\"offerId\":\"" + OFFER + "\",\"week\":\"" + week + "\","
                + (pupil == null ? "" : "\"pupilId\":\"" + pupil + "\",")
                + (priority == null ? "" : "\"schoolPriority\":\"" + priority + "\",")
                + "\"schoolUai\":\"0590001A\",\"schoolDepartment\":\"59\",\"state\":\"AGREEMENT_SIGNED\","
                + "\"agreementId\":\"" + UUID.randomUUID() + "\"}";
    }

    @Test
    void agreementAndCompletionEventsCarryTheWholeCandidacy() {
        CandidacyStateChanged read = EventReaders.candidacy(event("agreement.signed",
                candidacy(PUPIL.toString(), "2028-W05", "REP_PLUS"))).orElseThrow();
        assertThat(read).isEqualTo(new CandidacyStateChanged(APPLICATION, OFFER, "2028-W05", "AGREEMENT_SIGNED", AT,
                PUPIL, "0590001A", "REP_PLUS", "59"));
        assertThat(EventReaders.candidacy(event("internship.completed",
                candidacy(PUPIL.toString(), "2028-W05", "REP")))).isPresent();
    }

    @Test
    void aCandidacyWithoutItsPupilOrARealWeekIsPoison() {
        assertThatThrownBy(() -> EventReaders.candidacy(event("application.confirmed",
                candidacy(null, "2028-W05", "REP")))).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("pupilId");
        assertThatThrownBy(() -> EventReaders.candidacy(event("agreement.signed",
                candidacy(PUPIL.toString(), "2027-W53", "REP")))).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("week");
    }

    @Test
    void anUnknownSchoolPriorityCountsAsNone() {
        assertThat(EventReaders.candidacy(event("application.submitted", candidacy(PUPIL.toString(), "2028-W05",
                null))).orElseThrow().schoolPriority()).isEqualTo("NONE");
    }

    @Test
    void otherEventsAreNotOurs() {
        assertThat(EventReaders.candidacy(event("relay.assigned", "{}"))).isEmpty();
        assertThat(EventReaders.school(event("pupil.enrolled", "{\"pupilId\":\"" + PUPIL + "\"}"))).isEmpty();
        assertThat(EventReaders.offer(event("school.updated", "{}"))).isEmpty();
    }

    @Test
    void anErasureNamesThePupil() {
        assertThat(EventReaders.school(event("pupil.erased", "{\"pupilId\":\"" + PUPIL + "\",\"uai\":\"0590001A\"}")))
                .contains(new PupilErased(PUPIL));
        assertThatThrownBy(() -> EventReaders.school(event("pupil.erased", "{\"uai\":\"0590001A\"}")))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void anOfferEventGivesItsStatusVersionDimensionsAndWeeks() {
        String json = "{\"offerId\":\"" + OFFER + "\",\"status\":\"PUBLISHED\",\"publicSector\":false,"
                + "\"ministryCode\":null,\"sectorId\":\"s\",\"department\":\"2A\",\"schoolYear\":\"2027-2028\","
                + "\"weeks\":[{\"week\":\"2028-W05\",\"startsOn\":\"2028-01-31\"}],\"capacityPerWeek\":3,"
                + "\"version\":4}";
        assertThat(EventReaders.offer(event("offer.updated", json))).contains(new OfferChanged(OFFER, "PUBLISHED", 4,
                "2027-2028", null, false, "s", "2A",
                List.of(new OfferChanged.Week("2028-W05", LocalDate.parse("2028-01-31"))), 3, AT));
        assertThatThrownBy(() -> EventReaders.offer(event("offer.updated", json.replace(",\"version\":4", ""))))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("version");
    }
}
