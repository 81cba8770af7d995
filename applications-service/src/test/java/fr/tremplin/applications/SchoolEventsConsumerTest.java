package fr.tremplin.applications;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.W06;
import static fr.tremplin.applications.Fixtures.apply;
import static fr.tremplin.applications.Fixtures.mainTeacher;
import static fr.tremplin.applications.Fixtures.offer;
import static fr.tremplin.applications.Fixtures.principal;
import static fr.tremplin.applications.Fixtures.pupilToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The schools and pupils read models fed by tremplin.schools.v1: idempotent, order-proof, erasure-proof. */
@QuarkusTest
class SchoolEventsConsumerTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anOlderSchoolEventArrivingLateDoesNotOverwriteTheDeclaredWeeks() {
        Fixtures.Offer offer = offer("01", 2, W05, W06);
        String uai = Fixtures.uai();
        Instant now = Instant.now();
        TestEvents.awaitProcessed(Fixtures.publishSchool(uai, "59", "REP", List.of(W06), now));
        TestEvents.awaitProcessed(Fixtures.publishSchool(uai, "59", "NONE", List.of(W05), now.minusSeconds(60)));

        String token = pupilToken(UUID.randomUUID(), uai);
        apply(token, offer.id, W05, null).statusCode(422).body("detail", containsString("your school declared"));
        apply(token, offer.id, W06, null).statusCode(201).body("schoolUai", equalTo(uai));
        assertThat(TestEvents.count("SELECT count(*) FROM school_view WHERE uai = ? AND priority = 'REP'", uai)).isEqualTo(1);
    }

    @Test
    void aPupilWhoChangesClassTakesTheirCandidaciesAlong_andARedeliveredEnrolmentChangesNothing() {
        Fixtures.Offer offer = offer("01", 2, W05);
        String uai = Fixtures.school("59", "REP");
        UUID pupil = UUID.randomUUID();
        Instant t0 = Instant.now();
        TestEvents.Sent enrolled = Fixtures.publishPupil("pupil.enrolled", pupil, uai, "3A", "REP", t0);
        TestEvents.awaitProcessed(enrolled);
        String id = apply(principal(uai), offer.id, W05, pupil).statusCode(201).extract().path("id");

        TestEvents.awaitProcessed(Fixtures.publishPupil("pupil.updated", pupil, uai, "3C", "REP", t0.plusSeconds(5)));
        given().header("Authorization", mainTeacher(uai, "3C")).get("/api/v1/applications/" + id).then()
                .statusCode(200).body("classId", equalTo("3C"));
        given().header("Authorization", mainTeacher(uai, "3A")).get("/api/v1/applications/" + id).then().statusCode(403);

        // the enrolment comes again (redelivery): same id, nothing changes
        TestEvents.redeliver(enrolled);
        // an older update with a new id arrives late: ignored too
        TestEvents.Sent late = Fixtures.publishPupil("pupil.updated", pupil, uai, "3B", "REP", t0.plusSeconds(1));
        TestEvents.awaitProcessed(late);
        assertThat(TestEvents.count("SELECT count(*) FROM pupil_view WHERE pupil_id = ? AND class_id = '3C'", pupil))
                .isEqualTo(1);
        assertThat(TestEvents.count("SELECT count(*) FROM processed_event WHERE event_id = ?", enrolled.id())).isEqualTo(1);
    }

    @Test
    void anErasedPupilsCandidaciesAreCancelledAndTheyCannotComeBack() {
        Fixtures.Offer offer = offer("01", 2, W05, W06);
        String uai = Fixtures.school("59", "REP");
        UUID pupil = UUID.randomUUID();
        Instant t0 = Instant.now();
        TestEvents.awaitProcessed(Fixtures.publishPupil("pupil.enrolled", pupil, uai, "3A", "REP", t0));
        String id = apply(pupilToken(pupil, uai), offer.id, W05, null).statusCode(201).extract().path("id");

        TestEvents.awaitProcessed(Fixtures.publishPupil("pupil.erased", pupil, null, null, null, t0.plusSeconds(10)));
        given().header("Authorization", principal(uai)).get("/api/v1/applications/" + id).then()
                .body("state", equalTo("CANCELLED")).body("history[-1].reason", equalTo("pupil erased"));
        // an update older than the erasure arrives late: the pupil stays erased
        TestEvents.awaitProcessed(Fixtures.publishPupil("pupil.updated", pupil, uai, "3A", "REP", t0.plusSeconds(5)));
        apply(pupilToken(pupil, uai), offer.id, W06, null).statusCode(422).body("detail", containsString("unknown pupil"));
        assertThat(TestEvents.count("SELECT count(*) FROM pupil_view WHERE pupil_id = ? AND erased AND uai IS NULL", pupil))
                .isEqualTo(1);
    }
}
