package fr.tremplin.applications;

import fr.tremplin.common.events.Topics;
import fr.tremplin.common.security.Roles;
import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.W06;
import static fr.tremplin.applications.Fixtures.apply;
import static fr.tremplin.applications.Fixtures.offer;
import static fr.tremplin.applications.Fixtures.school;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * A main teacher's classes are their token's {@code classes} claim and the classes their principal recorded
 * (schools-service's {@code class.main-teacher-assigned} / {@code -unassigned}, kept in {@code class_teacher_copy}):
 * a main teacher without the claim applies for and reads their pupils' candidacies once the assignment arrives, and
 * no longer once it ends; an end that arrives before its start, or a duplicate, leaves them out.
 */
@QuarkusTest
class MainTeacherMembershipTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** The fixtures' weeks (2028-W05 and on) are ahead, whatever the real date. */
    @BeforeEach
    void september2027() {
        MovableClock.advance(Duration.between(MovableClock.now(), Instant.parse("2027-09-01T09:00:00Z")));
    }

    @AfterEach
    void resetClock() {
        MovableClock.reset();
    }

    /** A main teacher whose token names their school and no class: only the school's record can give them one. */
    private static String withoutClaim(String uai, String personId) {
        return TestTokens.as(Roles.MAIN_TEACHER).subject(personId).claim("school", uai).bearer();
    }

    private static TestEvents.Sent assignment(boolean starts, String uai, String classId, String personId,
                                              Instant time) {
        return TestEvents.publish(Topics.SCHOOLS, uai,
                starts ? "class.main-teacher-assigned" : "class.main-teacher-unassigned",
                "schools/" + uai + "/classes/" + classId,
                Map.of("uai", uai, "classId", classId, "personId", personId, "occurredAt", time.toString()), time);
    }

    private static void applied(TestEvents.Sent event) {
        TestEvents.awaitProcessed(event);
    }

    @Test
    void aMainTeacherRecordedByThePrincipalAppliesForAndFollowsTheirPupilsUntilTheAssignmentEnds() {
        Fixtures.Offer offer = offer("01", 4, W05, W06);
        String uai = school("59", "REP_PLUS");
        String classA = UUID.randomUUID().toString();
        String classB = UUID.randomUUID().toString();
        UUID pupilA = Fixtures.pupil(uai, classA, "REP_PLUS");
        UUID pupilB = Fixtures.pupil(uai, classB, "REP_PLUS");
        String teacher = UUID.randomUUID().toString();
        String bearer = withoutClaim(uai, teacher);

        apply(bearer, offer.id, W05, pupilA).statusCode(403).contentType("application/problem+json");
        given().header("Authorization", bearer).get("/api/v1/applications").then().statusCode(403);

        Instant start = Instant.now();
        applied(assignment(true, uai, classA, teacher, start));

        String id = apply(bearer, offer.id, W05, pupilA).statusCode(201)
                .body("classId", equalTo(classA)).body("history[0].role", equalTo("main-teacher"))
                .extract().path("id");
        apply(bearer, offer.id, W05, pupilB).statusCode(403).contentType("application/problem+json");
        String ofClassB = apply(Fixtures.principal(uai), offer.id, W05, pupilB).statusCode(201).extract().path("id");
        given().header("Authorization", bearer).get("/api/v1/applications").then().statusCode(200)
                .body("items.id", contains(id));
        given().header("Authorization", bearer).get("/api/v1/applications/" + id).then().statusCode(200);
        given().header("Authorization", bearer).get("/api/v1/applications/" + ofClassB).then().statusCode(403);

        // a main teacher of the same school the principal recorded nowhere, and one recorded in another school
        String colleague = withoutClaim(uai, UUID.randomUUID().toString());
        apply(colleague, offer.id, W06, pupilA).statusCode(403);
        given().header("Authorization", colleague).get("/api/v1/applications/" + id).then().statusCode(403);
        String elsewhere = Fixtures.uai();
        applied(assignment(true, elsewhere, classA, teacher, start));
        String sameTeacherElsewhere = withoutClaim(elsewhere, teacher);
        given().header("Authorization", sameTeacherElsewhere).get("/api/v1/applications/" + id).then().statusCode(403);

        applied(assignment(false, uai, classA, teacher, start.plusSeconds(60)));

        apply(bearer, offer.id, W06, pupilA).statusCode(403).contentType("application/problem+json");
        given().header("Authorization", bearer).get("/api/v1/applications/" + id).then().statusCode(403);
        given().header("Authorization", bearer).get("/api/v1/applications").then().statusCode(403);
        // the claim alone still works, as before
        given().header("Authorization", Fixtures.mainTeacher(uai, classA)).get("/api/v1/applications/" + id)
                .then().statusCode(200);
    }

    @Test
    void anEndArrivingBeforeItsStartAndADuplicateLeaveTheTeacherOut() {
        Fixtures.Offer offer = offer("01", 4, W05, W06);
        String uai = school("59", "REP");
        String classA = UUID.randomUUID().toString();
        UUID pupil = Fixtures.pupil(uai, classA, "REP");
        String teacher = UUID.randomUUID().toString();
        String bearer = withoutClaim(uai, teacher);
        Instant start = Instant.now().minusSeconds(120);
        Instant end = start.plusSeconds(60);

        applied(assignment(false, uai, classA, teacher, end));
        TestEvents.Sent late = assignment(true, uai, classA, teacher, start);
        applied(late);
        apply(bearer, offer.id, W05, pupil).statusCode(403);
        TestEvents.redeliver(late);
        TestEvents.Sent after = assignment(false, uai, UUID.randomUUID().toString(), teacher, end);
        applied(after); // the same partition (key = UAI): the redelivery was consumed before it
        apply(bearer, offer.id, W05, pupil).statusCode(403);
        assertThat(TestEvents.count("SELECT count(*) FROM class_teacher_copy WHERE person_id = ? AND class_id = ? "
                + "AND NOT leads", teacher, classA)).as("the end is kept").isEqualTo(1);

        TestEvents.Sent again = assignment(true, uai, classA, teacher, end.plusSeconds(60));
        applied(again);
        apply(bearer, offer.id, W05, pupil).statusCode(201);
        TestEvents.redeliver(again);
        applied(assignment(false, uai, UUID.randomUUID().toString(), teacher, end.plusSeconds(60)));
        assertThat(TestEvents.count("SELECT count(*) FROM processed_event WHERE event_id = ?", again.id()))
                .as("the duplicate was recognised, not applied twice").isEqualTo(1);
        assertThat(TestEvents.count("SELECT count(*) FROM class_teacher_copy WHERE person_id = ? AND leads",
                teacher)).isEqualTo(1);
    }

    @Test
    void anAssignmentWithoutItsClassOrPersonIsPoisonAndChangesNothing() {
        String uai = school("59", "REP");
        String teacher = UUID.randomUUID().toString();
        Instant time = Instant.now();
        TestEvents.publish(Topics.SCHOOLS, uai, "class.main-teacher-assigned", "schools/" + uai + "/classes/x",
                Map.of("uai", uai, "classId", "not-a-class", "personId", teacher, "occurredAt", time.toString()), time);
        applied(assignment(false, uai, UUID.randomUUID().toString(), teacher, time)); // after it, on its partition
        assertThat(TestEvents.count("SELECT count(*) FROM class_teacher_copy WHERE person_id = ? AND leads", teacher))
                .isZero();
    }
}
