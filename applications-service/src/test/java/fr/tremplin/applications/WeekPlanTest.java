package fr.tremplin.applications;

import fr.tremplin.applications.domain.cohort.CohortGroup;
import fr.tremplin.applications.domain.cohort.CohortPlan;
import fr.tremplin.applications.domain.cohort.CohortPlanner;
import fr.tremplin.applications.domain.cohort.CohortPupil;
import fr.tremplin.applications.domain.cohort.Gender;
import fr.tremplin.applications.domain.cohort.ServiceCapacity;
import fr.tremplin.applications.service.WeekPlanService;
import fr.tremplin.common.events.Topics;
import fr.tremplin.testing.KafkaTestConsumer;
import fr.tremplin.testing.events.EventContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.tremplin.applications.Cohorts.plan;
import static fr.tremplin.applications.Cohorts.readPlan;
import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.W07;
import static fr.tremplin.applications.Fixtures.admin;
import static fr.tremplin.applications.Fixtures.host;
import static fr.tremplin.applications.Fixtures.principal;
import static fr.tremplin.applications.Fixtures.ripree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Issue 13: the host plans a programme's week (groups of 5 mixed by school and gender, rotations within the services'
 * capacities); schools see the plan with their own pupils only.
 */
@QuarkusTest
class WeekPlanTest {

    private static final List<List<String>> FIVE_SCHOOLS_F_AND_M = List.of(List.of("F", "M"), List.of("F", "M"),
            List.of("F", "M"), List.of("F", "M"), List.of("F", "M"));
    private static final List<List<String>> FIVE_SCHOOLS_ONE_EACH = List.of(List.of("F"), List.of("M"),
            Arrays.asList((String) null), List.of("F"), List.of("M"));

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void resetClock() {
        MovableClock.reset();
    }

    /** Ten pupils, two of each of five schools, a girl and a boy each: two groups of 5, one pupil of each school. */
    @Test
    void theHostPlansAWeekAsThePlannerDoesWithTheSameSeedAndPlanningAgainReplacesIt() throws Exception {
        Cohorts.Week week = Cohorts.accepted("thiers", W05, FIVE_SCHOOLS_F_AND_M);
        UUID programmeId = week.programme().id;
        CohortPlan expected = CohortPlanner.plan(pupils(week), List.of(new ServiceCapacity("sports", 2),
                new ServiceCapacity("culture", 1), new ServiceCapacity("voirie", 1)), 5, 13L);

        JsonPath planned;
        try (KafkaTestConsumer events = KafkaTestConsumer.fromNow(Topics.APPLICATIONS)) {
            planned = plan(week.programme().hostBearer(), programmeId, W05, 13L).statusCode(200)
                    .body("seed", equalTo(13)).body("pupils", equalTo(10)).body("groups", hasSize(2))
                    .body("score.sameSchoolPairs", equalTo(0)).body("score.sameSchoolPairsBound", equalTo(0))
                    .body("score.genderImbalance", equalTo(2)).body("score.genderImbalanceBound", equalTo(2))
                    .body("score.loadSpread", equalTo(0)).body("provenOptimal", equalTo(true))
                    .body("version", equalTo(0))
                    .body("warnings", contains("service culture has no tutor", "service sports has no tutor",
                            "service voirie has no tutor"))
                    .extract().jsonPath();
            ConsumerRecord<String, String> record = events.awaitRecord(r -> programmeId.toString().equals(r.key())
                    && "programme.week-planned".equals(header(r, "ce_type")), Duration.ofSeconds(20));
            EventContract.load().check(record);
        }
        for (CohortGroup group : expected.groups()) {
            String at = "groups[" + (group.number() - 1) + "]";
            assertThat(planned.getInt(at + ".number")).isEqualTo(group.number());
            assertThat(planned.getList(at + ".members.candidacyId", String.class))
                    .containsExactlyElementsOf(group.members().stream().map(CohortPupil::candidacyId).toList());
            assertThat(planned.getList(at + ".members.schoolUai", String.class)).doesNotHaveDuplicates()
                    .hasSize(5);
            assertThat(planned.getList(at + ".rotation.serviceId", String.class))
                    .containsExactlyElementsOf(group.rotation());
            assertThat(planned.getList(at + ".rotation.day", Integer.class)).containsExactly(2, 3, 4);
            assertThat(Math.abs(planned.getInt(at + ".females") - planned.getInt(at + ".males"))).isEqualTo(1);
            assertThat(planned.getInt(at + ".unknownGender")).isZero();
        }
        assertThat(planned.getList("groups[0].rotation.serviceName", String.class))
                .allMatch(name -> name.startsWith("Direction") || name.equals("Voirie"));
        assertThat(planned.getString("groups[0]")).doesNotContain("gender=");
        assertThat(TestEvents.count("SELECT count(*) FROM programme_group_member WHERE programme_id = ?",
                programmeId)).isEqualTo(10);
        assertThat(TestEvents.count("SELECT count(*) FROM programme_group_visit WHERE programme_id = ? "
                + "AND tutor_id IS NULL", programmeId)).isEqualTo(6);
        assertThat(TestEvents.count("SELECT count(*) FROM outbox_event WHERE type = 'programme.week-planned' "
                + "AND message_key = ? AND payload->>'groups' = '2' AND payload->>'pupils' = '10' "
                + "AND payload->>'week' = ? AND payload->'score'->>'genderImbalanceBound' = '2'",
                programmeId.toString(), W05)).isEqualTo(1);
        for (UUID candidacy : week.schoolOf().keySet()) {
            assertThat(TestEvents.count("SELECT count(*) FROM outbox_event WHERE type = 'programme.week-planned' "
                    + "AND payload::text LIKE ?", "%" + candidacy + "%")).isZero();
        }

        plan(week.programme().hostBearer(), programmeId, W05, 99L).statusCode(200)
                .body("seed", equalTo(99)).body("version", equalTo(1)).body("groups", hasSize(2));
        assertThat(TestEvents.count("SELECT count(*) FROM programme_group_member WHERE programme_id = ?",
                programmeId)).isEqualTo(10);
        assertThat(TestEvents.count("SELECT count(*) FROM programme_week_plan WHERE programme_id = ? AND seed = 99",
                programmeId)).isEqualTo(1);
        assertThat(TestEvents.count("SELECT count(*) FROM outbox_event WHERE type = 'programme.week-planned' "
                + "AND message_key = ?", programmeId.toString())).isEqualTo(2);

        // no seed: the documented default, so planning again gives the same groups
        long seed = WeekPlanService.defaultSeed(programmeId, W05);
        List<String> first = plan(admin(), programmeId, W05, null).statusCode(200)
                .body("seed", equalTo(seed)).extract().jsonPath().getList("groups.members.candidacyId.flatten()");
        List<String> again = plan(admin(), programmeId, W05, null).statusCode(200)
                .extract().jsonPath().getList("groups.members.candidacyId.flatten()");
        assertThat(again).isEqualTo(first);
        readPlan(week.programme().hostBearer(), programmeId, W05).statusCode(200).body("version", equalTo(3))
                .body("plannedBy", org.hamcrest.Matchers.notNullValue()).body("plannedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aSchoolsStaffSeeThePlanWithTheirOwnPupilsOnlyAndOthersAreRefused() {
        Cohorts.Week week = Cohorts.accepted("ambert", W05, FIVE_SCHOOLS_F_AND_M);
        UUID programmeId = week.programme().id;
        String own = week.schools().get(0);
        plan(principal(own), programmeId, W05, null).statusCode(403);
        readPlan(principal(own), programmeId, W05).statusCode(404);
        plan(week.programme().hostBearer(), programmeId, W05, 1L).statusCode(200);

        JsonPath seen = readPlan(principal(own), programmeId, W05).statusCode(200).body("groups", hasSize(2))
                .extract().jsonPath();
        List<Map<String, String>> members = seen.getList("groups.members.flatten()");
        assertThat(members).hasSize(10);
        for (Map<String, String> member : members) {
            assertThat(member.get("candidacyId") != null).isEqualTo(own.equals(member.get("schoolUai")));
        }
        assertThat(members.stream().filter(m -> m.get("candidacyId") != null).map(m -> UUID.fromString(m.get("candidacyId"))))
                .allMatch(id -> own.equals(week.schoolOf().get(id))).hasSize(2);
        JsonPath ripreeView = readPlan(ripree(week.schools().get(1)), programmeId, W05).statusCode(200).extract().jsonPath();
        assertThat(ripreeView.getList("groups.members.flatten().findAll { it.candidacyId != null }")).hasSize(2);
        readPlan(admin(), programmeId, W05).statusCode(200)
                .body("groups.members.flatten().findAll { it.candidacyId != null }", hasSize(10));

        String outsider = Fixtures.schoolWithThirdYears("63", "ambert", "NONE", 100);
        readPlan(principal(outsider), programmeId, W05).statusCode(403).body("detail", containsString("no seat"));
        readPlan(host(UUID.randomUUID()), programmeId, W05).statusCode(403);
        plan(host(UUID.randomUUID()), programmeId, W05, null).statusCode(403);
        readPlan(Fixtures.pupilToken(UUID.randomUUID(), own), programmeId, W05).statusCode(403);
        readPlan(Fixtures.mainTeacher(own, "3A"), programmeId, W05).statusCode(403);
        readPlan(admin(), UUID.randomUUID(), W05).statusCode(404);
        readPlan(admin(), programmeId, "2028-5").statusCode(400);
    }

    @Test
    void aWeekThatCannotBePlannedIsA422NamingTheConstraint() {
        Cohorts.Week week = Cohorts.accepted("riom", W05, FIVE_SCHOOLS_ONE_EACH);
        Fixtures.Offer programme = week.programme();
        plan(programme.hostBearer(), programme.id, W07, null).statusCode(422)
                .body("violations[0].field", equalTo("week"));

        programme.programme.put("services", List.of(Cohorts.service("sports", "Direction des sports", 2),
                Cohorts.service("culture", "Direction de la culture", 2)));
        programme.publish("offer.updated");
        plan(programme.hostBearer(), programme.id, W05, null).statusCode(422)
                .body("violations[0].field", equalTo("services"))
                .body("violations[0].message", containsString("at least 3 services"));
        assertThat(TestEvents.count("SELECT count(*) FROM programme_week_plan WHERE programme_id = ?",
                programme.id)).isZero();

        Fixtures.Offer empty = Fixtures.programme("63", 5, false, week.schools(), W05);
        plan(empty.hostBearer(), empty.id, W05, null).statusCode(422)
                .body("violations[0].field", equalTo("pupils"));
    }

    /**
     * Twenty pupils make 4 groups: three services welcoming one group a day each take only 3 a day, and with sports
     * at 2 they still cannot give every group three distinct visits; at 2 each they can.
     */
    @Test
    void servicesTooSmallForTheWeeksGroupsAreA422NamingTheDailyCapacity() {
        List<String> four = List.of("F", "M", "F", "M");
        Cohorts.Week week = Cohorts.accepted("pontgibaud", W05, List.of(four, four, four, four, four));
        Fixtures.Offer programme = week.programme();
        programme.programme.put("services", List.of(Cohorts.service("sports", "Direction des sports", 1),
                Cohorts.service("culture", "Direction de la culture", 1), Cohorts.service("voirie", "Voirie", 1)));
        programme.publish("offer.updated");
        plan(programme.hostBearer(), programme.id, W05, null).statusCode(422)
                .body("violations[0].field", equalTo("dailyCapacity"))
                .body("violations[0].message", containsString("4 groups but the services welcome 3 groups a day"));

        // 5 groups a day now, but a group visits a service once: 4 + 3 + 3 visits for the 12 the groups need
        programme.programme.put("services", List.of(Cohorts.service("sports", "Direction des sports", 2),
                Cohorts.service("culture", "Direction de la culture", 1), Cohorts.service("voirie", "Voirie", 1)));
        programme.publish("offer.updated");
        plan(programme.hostBearer(), programme.id, W05, null).statusCode(422)
                .body("violations[0].field", equalTo("rotation"))
                .body("violations[0].message", containsString("can receive only 10"));

        programme.programme.put("services", List.of(Cohorts.service("sports", "Direction des sports", 2),
                Cohorts.service("culture", "Direction de la culture", 2), Cohorts.service("voirie", "Voirie", 2)));
        programme.publish("offer.updated");
        plan(programme.hostBearer(), programme.id, W05, null).statusCode(200).body("groups", hasSize(4))
                .body("groups.size", contains(5, 5, 5, 5));
    }

    @Test
    void aWeekThatHasBegunKeepsItsGroups() {
        Cohorts.Week week = Cohorts.accepted("issoire", W05, FIVE_SCHOOLS_ONE_EACH);
        Fixtures.Offer programme = week.programme();
        plan(programme.hostBearer(), programme.id, W05, 5L).statusCode(200).body("groups", hasSize(1))
                .body("groups[0].females", equalTo(2)).body("groups[0].males", equalTo(2))
                .body("groups[0].unknownGender", equalTo(1));
        MovableClock.advance(Duration.between(MovableClock.now(), Instant.parse("2028-02-02T09:00:00Z")));
        plan(programme.hostBearer(), programme.id, W05, 6L).statusCode(409)
                .body("detail", containsString("has begun"));
        readPlan(programme.hostBearer(), programme.id, W05).statusCode(200).body("seed", equalTo(5));
    }

    /** The gender a school gave goes with the pupil's erasure: the plan's group then counts them as unknown. */
    @Test
    void aPupilsErasureTakesTheirGenderOutOfTheGroupsCounts() {
        Cohorts.Week week = Cohorts.accepted("lempdes", W05, FIVE_SCHOOLS_ONE_EACH);
        Fixtures.Offer programme = week.programme();
        plan(programme.hostBearer(), programme.id, W05, 5L).statusCode(200)
                .body("groups[0].females", equalTo(2)).body("groups[0].unknownGender", equalTo(1));
        UUID girl = week.schoolOf().keySet().iterator().next();
        TestEvents.awaitProcessed(Fixtures.publishPupil("pupil.erased", week.pupilOf().get(girl), null, null, null,
                Instant.now().plusSeconds(10)));
        readPlan(programme.hostBearer(), programme.id, W05).statusCode(200)
                .body("groups[0].females", equalTo(1)).body("groups[0].males", equalTo(2))
                .body("groups[0].unknownGender", equalTo(2));
        assertThat(TestEvents.count("SELECT count(*) FROM nomination WHERE application_id = ? AND gender IS NULL",
                girl)).isEqualTo(1);
    }

    private static List<CohortPupil> pupils(Cohorts.Week week) {
        List<CohortPupil> pupils = new ArrayList<>();
        List<String> genders = new ArrayList<>();
        FIVE_SCHOOLS_F_AND_M.forEach(genders::addAll);
        int i = 0;
        for (Map.Entry<UUID, String> candidacy : week.schoolOf().entrySet()) {
            pupils.add(new CohortPupil(candidacy.getKey().toString(), candidacy.getValue(),
                    Gender.valueOf(genders.get(i++))));
        }
        return pupils;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
