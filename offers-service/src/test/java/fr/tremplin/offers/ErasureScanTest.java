package fr.tremplin.offers;

import fr.tremplin.common.events.Topics;
import fr.tremplin.testing.ErasureScan;
import fr.tremplin.testing.KafkaTestProducer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static fr.tremplin.testing.ErasureScan.columnsHolding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasure is complete in offers-service (issue 10): it keeps a candidacy's pupil only as a pseudonymous id for the
 * statistics, and never the free texts the candidacy events carry (reasons); once {@code pupil.erased} arrives, no
 * text, json, array or uuid column of any table holds the pupil's id or those texts.
 */
@QuarkusTest
class ErasureScanTest {

    @Test
    void afterThePupilIsErasedNoColumnOfAnyTableHoldsTheirIdOrTheTextsSentAboutThem() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String reason = "Annulation " + tag + " : la famille déménage";
        UUID pupil = UUID.randomUUID();
        UUID offer = UUID.randomUUID();
        UUID application = UUID.randomUUID();
        String classId = "class-" + tag;
        Instant at = Instant.parse("2027-10-01T08:00:00Z");
        String submitted = candidacy(application, offer, pupil, classId, "application.submitted", "SUBMITTED", null,
                at);
        String cancelled = candidacy(application, offer, pupil, classId, "application.cancelled", "CANCELLED",
                reason, at.plusSeconds(60));
        await().atMost(Duration.ofSeconds(30)).until(() -> columnsHolding(submitted).contains("processed_event.event_id")
                && !columnsHolding(cancelled).isEmpty());
        assertThat(columnsHolding(pupil.toString())).as("the scan sees the pupil before")
                .contains("stat_candidacy.pupil_id");
        assertThat(ErasureScan.textColumns()).contains("stat_candidacy.pupil_id", "outbox_event.payload",
                "audit_log.detail");

        String erasure = UUID.randomUUID().toString();
        KafkaTestProducer.send(Topics.SCHOOLS, "0590001A", "pupil.erased", "{\"pupilId\":\"" + pupil
                + "\",\"uai\":\"0590001A\",\"priority\":\"REP_PLUS\",\"classId\":\"" + classId
                + "\",\"schoolYear\":\"2027-2028\",\"occurredAt\":\"" + at.plusSeconds(120) + "\"}", erasure,
                at.plusSeconds(120));
        await().atMost(Duration.ofSeconds(30)).until(() -> !columnsHolding(erasure).isEmpty());

        assertThat(ErasureScan.leftOf(List.of(pupil.toString(), reason, tag))).isEmpty();
        assertThat(columnsHolding(application.toString())).as("the candidacy is still counted")
                .contains("stat_candidacy.application_id");
    }

    /** A candidacy event as applications-service sends it (docs/EVENTS.md); returns its event id. */
    private static String candidacy(UUID application, UUID offer, UUID pupil, String classId, String type,
                                    String state, String reason, Instant at) {
        String id = UUID.randomUUID().toString();
        KafkaTestProducer.send(Topics.APPLICATIONS, application.toString(), type, "{\"applicationId\":\""
                + application + "\",\"offerId\":\"" + offer + "\",\"week\":\"2028-W05\",\"startsOn\":\"2028-01-31\","
                + "\"pupilId\":\"" + pupil + "\",\"schoolUai\":\"0590001A\",\"schoolPriority\":\"REP_PLUS\","
                + "\"schoolDepartment\":\"59\",\"classId\":\"" + classId + "\",\"relayId\":\"face-nord\","
                + "\"department\":\"59\",\"state\":\"" + state + "\",\"reason\":"
                + (reason == null ? "null" : "\"" + reason + "\"") + ",\"actor\":\"principal\",\"occurredAt\":\""
                + at + "\"}", id, at);
        return id;
    }
}
