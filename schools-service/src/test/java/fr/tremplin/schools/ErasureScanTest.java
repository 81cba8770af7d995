package fr.tremplin.schools;

import fr.tremplin.testing.ErasureScan;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static fr.tremplin.schools.SchoolFixtures.classOf;
import static fr.tremplin.schools.SchoolFixtures.currentYear;
import static fr.tremplin.schools.SchoolFixtures.principal;
import static fr.tremplin.schools.SchoolFixtures.pupil;
import static fr.tremplin.schools.SchoolFixtures.school;
import static fr.tremplin.testing.ErasureScan.columnsHolding;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasure is complete in schools-service (issue 10): after {@code DELETE /api/v1/pupils/{id}}, no text, json, array
 * or uuid column of any table (outbox payloads, audit rows and stored idempotent answers included) holds the pupil's
 * names, old or corrected, nor the free texts other services sent about them; their id stays only where the erasure
 * itself must say whom it concerned (the events in the outbox, purged 7 days after publication, and the audit trail).
 */
@QuarkusTest
class ErasureScanTest {

    private static ApplicationEventsProducer producer;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void afterThePupilIsErasedNoColumnOfAnyTableHoldsTheirNamesOrTexts() {
        String tag = letters(10);
        String firstName = "Ines" + tag;
        String lastName = "Martin" + tag;
        String correctedFirst = "Agnes" + tag;
        String correctedLast = "Moreau" + tag;
        String reason = "Motif " + tag + " : famille partie";
        List<String> texts = List.of(firstName, lastName, correctedFirst, correctedLast, reason);

        String uai = school("059", "59", "REP_PLUS");
        String classId = classOf(uai, "3e A", currentYear());
        String pupilId = pupil(uai, classId, firstName, lastName);
        String kept = pupil(uai, classId, "Yanis", "Bernard" + letters(6));
        // the spreadsheet import names them again (a duplicate line), then a principal corrects the names
        given().header("Authorization", principal(uai)).contentType("text/csv")
                .body(("Nom;Prénom;Sexe\r\n" + lastName + ";" + firstName + ";F\r\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/classes/" + classId + "/pupils/import").then().statusCode(200);
        given().header("Authorization", principal(uai)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("firstName", correctedFirst, "lastName", correctedLast, "gender", "F"))
                .put("/api/v1/pupils/" + pupilId).then().statusCode(200);
        // applications-service tells of a candidacy, with a reason a member of staff wrote
        String eventId = UUID.randomUUID().toString();
        String application = UUID.randomUUID().toString();
        Instant at = Instant.now();
        producer().sendRaw(eventId, "application.cancelled", application, "{\"applicationId\":\"" + application
                + "\",\"offerId\":\"" + UUID.randomUUID() + "\",\"week\":\"" + ApplicationEventsProducer.WEEK
                + "\",\"pupilId\":\"" + pupilId + "\",\"schoolUai\":\"" + uai + "\",\"schoolPriority\":\"REP_PLUS\","
                + "\"state\":\"CANCELLED\",\"previousState\":\"SUBMITTED\",\"reason\":\"" + reason
                + "\",\"actor\":\"principal\",\"occurredAt\":\"" + at + "\"}", at);
        await().atMost(Duration.ofSeconds(30)).until(() -> !columnsHolding(eventId).isEmpty());

        assertThat(ErasureScan.textColumns()).contains("pupil.first_name", "pupil.last_name", "outbox_event.payload",
                "audit_log.detail", "idempotency_key.body");
        assertThat(columnsHolding(correctedFirst)).as("the scan sees the names before").contains("pupil.first_name");
        assertThat(columnsHolding(correctedLast)).contains("pupil.last_name");
        assertThat(columnsHolding(pupilId)).contains("pupil.id", "pupil_application.pupil_id");

        given().header("Authorization", principal(uai)).delete("/api/v1/pupils/" + pupilId).then().statusCode(204);

        assertThat(ErasureScan.leftOf(texts)).isEmpty();
        assertThat(columnsHolding(tag)).as("anything tagged " + tag).isEmpty();
        assertThat(columnsHolding(pupilId)).as("where the erased pupil's id may stay")
                .allMatch(column -> column.startsWith("outbox_event.") || column.equals("audit_log.entity_id"));
        assertThat(columnsHolding(kept)).as("the other pupil of the class stays").contains("pupil.id");
    }

    private static ApplicationEventsProducer producer() {
        if (producer == null) {
            producer = new ApplicationEventsProducer();
        }
        return producer;
    }

    /** Letters only: names accept no digit. */
    private static String letters(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return text.toString();
    }
}
