package fr.tremplin.testing.events;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract checker itself: what it accepts, and that each kind of drift is named by type and field. */
class EventContractTest {

    private static final String OFFERS = "tremplin.offers.v1";
    private static final UUID OFFER = UUID.fromString("8a4c2e0e-4b7d-4d5e-9a51-3f0c6f1d2b10");

    private final EventContract contract = EventContract.load();

    @Test
    void everyDocumentedTypeIsLoadedFromTheRepository() {
        assertThat(contract.types()).contains("offer.published", "school.updated", "pupil.erased",
                "class.main-teacher-assigned", "application.submitted", "agreement.signed", "internship.completed",
                "relay.candidacy.changed", "relay.candidacy.entered", "relay.candidacy.left", "programme.seats-allocated",
                "programme.nominated", "programme.week-planned")
                .hasSize(27);
    }

    @Test
    void anOfferAsOfferEventsWritesItFollowsTheContract() {
        assertThat(contract.violations(OFFERS, OFFER.toString(), headers("offer.published"), offer(""))).isEmpty();
    }

    @Test
    void aMissingFieldIsNamedWithTheType() {
        String payload = offer("").replace("\"capacityPerWeek\": 2, ", "");
        assertThat(contract.violations(OFFERS, OFFER.toString(), headers("offer.published"), payload))
                .singleElement().asString().contains("offer.published", "payload", "capacityPerWeek");
    }

    @Test
    void anUndeclaredFieldIsNamedWithTheType() {
        assertThat(contract.violations(OFFERS, OFFER.toString(), headers("offer.updated"),
                offer(", \"tutorName\": \"x\"")))
                .singleElement().asString().contains("offer.updated", "payload", "tutorName");
    }

    @Test
    void aValueOutsideItsFormatOrEnumIsAViolation() {
        String payload = offer("").replace("\"2028-01-31\"", "\"31/01/2028\"").replace("\"NONE\"", "\"ALL\"");
        assertThat(contract.violations(OFFERS, OFFER.toString(), headers("offer.published"), payload))
                .anySatisfy(line -> assertThat(line).contains("startsOn"))
                .anySatisfy(line -> assertThat(line).contains("reservation"));
    }

    @Test
    void aStatusTheTypeCannotCarryIsAViolation() {
        assertThat(contract.violations(OFFERS, OFFER.toString(), headers("offer.removed"), offer("")))
                .singleElement().asString().contains("offer.removed", "status");
    }

    @Test
    void anUnknownTypeIsAViolation() {
        assertThat(contract.violations(OFFERS, OFFER.toString(), headers("offer.archived"), offer("")))
                .singleElement().asString().contains("offer.archived", "unknown event type");
    }

    @Test
    void aTypeOnAnotherTopicIsAViolation() {
        assertThat(contract.violations("tremplin.schools.v1", OFFER.toString(), headers("offer.published"), offer("")))
                .anySatisfy(line -> assertThat(line).contains("documented on tremplin.offers.v1"));
    }

    @Test
    void aParameterizedChannelTakesEachTopicOfItsShapeAndNoOther() {
        // tremplin.relay.{relayId}.v1: one topic per relay (issue 12)
        assertThat(contract.violations("tremplin.relay.face-nord.v1", OFFER.toString(),
                headers("relay.candidacy.changed"), "{}"))
                .noneSatisfy(line -> assertThat(line).contains("documented on"));
        for (String topic : new String[] {"tremplin.relay..v1", "tremplin.relay.face.nord.v1", "tremplin.applications.v1",
                "tremplin.relay.face-nord.v2"}) {
            assertThat(contract.violations(topic, OFFER.toString(), headers("relay.candidacy.changed"), "{}"))
                    .as(topic).anySatisfy(line -> assertThat(line).contains("documented on tremplin.relay.{relayId}.v1"));
        }
    }

    @Test
    void headersAndKeyAreCheckedToo() {
        Map<String, String> headers = headers("offer.published");
        headers.put("ce_time", "yesterday");
        headers.put("relay", "face-nord");
        headers.remove("ce_subject");
        assertThat(contract.violations(OFFERS, "0590001A", headers, offer("")))
                .anySatisfy(line -> assertThat(line).contains("header", "ce_time"))
                .anySatisfy(line -> assertThat(line).contains("header", "relay"))
                .anySatisfy(line -> assertThat(line).contains("header", "ce_subject"))
                .anySatisfy(line -> assertThat(line).contains("key"));
    }

    private static Map<String, String> headers(String type) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_source", "/tremplin/offers-service");
        headers.put("ce_type", type);
        headers.put("ce_time", "2026-11-23T10:00:00.123456Z");
        headers.put("ce_subject", "offers/" + OFFER);
        headers.put("content-type", "application/json");
        headers.put("ce_datacontenttype", "application/json");
        return headers;
    }

    private static String offer(String extra) {
        return """
                {"offerId": "%s", "title": "Découverte", "status": "PUBLISHED",
                 "organisationId": "0d9f8a66-1f7e-4f3b-8d57-2f0f3b7a6c11", "organisationName": "Base aérienne",
                 "publicSector": true, "ministryCode": "MINARM", "sectorId": "S1", "department": "59",
                 "academy": "Lille", "zipcode": "59000", "city": "Lille", "schoolYear": "2027-2028",
                 "weeks": [{"week": "2028-W05", "startsOn": "2028-01-31"}], "capacityPerWeek": 2, "maxGroupSize": 1,
                 "reservation": "NONE", "reservedSchoolUai": null, "operator": null, "externalRef": null,
                 "version": 3, "occurredAt": "2026-11-23T10:00:00Z"%s}""".formatted(OFFER, extra);
    }
}
