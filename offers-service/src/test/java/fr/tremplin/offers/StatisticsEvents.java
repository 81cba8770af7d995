package fr.tremplin.offers;

import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.common.events.Topics;
import fr.tremplin.testing.KafkaTestProducer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The CloudEvents the statistics projection folds, as offers-service's outbox, applications-service and
 * schools-service send them (docs/EVENTS.md), for the tests that feed the in-JVM Kafka broker.
 */
final class StatisticsEvents {

    private StatisticsEvents() {
    }

    /** One event; {@link #send()} it twice for a redelivery (same {@code ce_id}). */
    record Event(String topic, String key, String type, String payload, String id, Instant time) {
        void send() {
            KafkaTestProducer.send(topic, key, type, payload, id, time);
        }
    }

    /** An offer's dimensions, as every {@code offer.*} payload carries them. */
    record Offer(UUID id, String schoolYear, String ministryCode, boolean publicSector, String sectorId,
                 String department) {

        /** {@code offer.published|updated|unpublished|removed}: the whole offer at that version. */
        Event event(String type, String status, int version, List<String> weeks, int capacityPerWeek, Instant at) {
            String weeksJson = weeks.stream().map(week -> "{\"week\":\"" + week + "\",\"startsOn\":\""
                    + SchoolCalendar.monday(week).orElseThrow() + "\"}").collect(Collectors.joining(","));
            String payload = "{\"offerId\":\"" + id + "\",\"title\":\"Stage\",\"status\":\"" + status
                    + "\",\"organisationId\":\"" + UUID.randomUUID() + "\",\"organisationName\":\"Hôte\","
                    + "\"publicSector\":" + publicSector + ",\"ministryCode\":" + json(ministryCode)
                    + ",\"sectorId\":\"" + sectorId + "\",\"department\":\"" + department + "\","
                    + "\"zipcode\":null,\"city\":\"Ville\",\"schoolYear\":\"" + schoolYear + "\","
                    + "\"weeks\":[" + weeksJson + "],\"capacityPerWeek\":" + capacityPerWeek + ",\"maxGroupSize\":1,"
                    + "\"reservation\":\"NONE\",\"reservedSchoolUai\":null,\"operator\":null,\"externalRef\":null,"
                    + "\"version\":" + version + ",\"occurredAt\":\"" + at + "\"}";
            return new Event(Topics.OFFERS, id.toString(), type, payload, UUID.randomUUID().toString(), at);
        }
    }

    /** A pupil and their school, as applications-service's payload describes them. */
    record Pupil(UUID id, String schoolUai, String schoolPriority, String schoolDepartment) {

        static Pupil of(String schoolUai, String schoolPriority, String schoolDepartment) {
            return new Pupil(UUID.randomUUID(), schoolUai, schoolPriority, schoolDepartment);
        }

        /** {@code application.*}, {@code agreement.signed}, {@code internship.completed}: the state after the change. */
        Event candidacy(UUID applicationId, UUID offerId, String type, String state, String week, Instant at) {
            String payload = "{\"applicationId\":\"" + applicationId + "\",\"offerId\":\"" + offerId
                    + "\",\"week\":\"" + week + "\",\"pupilId\":\"" + id + "\",\"schoolUai\":\"" + schoolUai
                    + "\",\"schoolPriority\":\"" + schoolPriority + "\",\"schoolDepartment\":\"" + schoolDepartment
                    + "\",\"state\":\"" + state + "\",\"actor\":\"host\",\"occurredAt\":\"" + at + "\"}";
            return new Event(Topics.APPLICATIONS, applicationId.toString(), type, payload,
                    UUID.randomUUID().toString(), at);
        }

        /** {@code pupil.erased} from schools-service. */
        Event erased(String schoolYear, Instant at) {
            return new Event(Topics.SCHOOLS, schoolUai, "pupil.erased", "{\"pupilId\":\"" + id + "\",\"uai\":\""
                    + schoolUai + "\",\"priority\":\"" + schoolPriority + "\",\"schoolYear\":\"" + schoolYear
                    + "\",\"occurredAt\":\"" + at + "\"}", UUID.randomUUID().toString(), at);
        }
    }

    private static String json(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }
}
