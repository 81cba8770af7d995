package fr.tremplin.schools;

import fr.tremplin.testing.AccessLogOnProfile;
import fr.tremplin.testing.LogCapture;
import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static fr.tremplin.schools.SchoolFixtures.classOf;
import static fr.tremplin.schools.SchoolFixtures.currentYear;
import static fr.tremplin.schools.SchoolFixtures.leads;
import static fr.tremplin.schools.SchoolFixtures.mainTeacher;
import static fr.tremplin.schools.SchoolFixtures.principal;
import static fr.tremplin.schools.SchoolFixtures.pupilToken;
import static fr.tremplin.schools.SchoolFixtures.school;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret and no minor's data in any log (issue 10): a school is set up, pupils with names enrolled one by one and
 * by class list, staff recorded, a pupil renamed and one erased, with the access log on; then every line the service
 * wrote, whatever the logger and level, is searched for each name, pupil id, staff person id and token used.
 */
@QuarkusTest
@TestProfile(AccessLogOnProfile.class)
class LogScanTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aWholeScenarioWritesNoneOfItsPersonalDataOrSecretsInAnyLogLine() {
        String tag = letters(8);
        Map<String, String> secrets = new LinkedHashMap<>();
        try (LogCapture logs = LogCapture.start()) {
            String uai = school("059", "59", "REP");
            String principal = principal(uai);
            secrets.put("principal's token", principal.substring("Bearer ".length()));
            String classId = classOf(uai, "3e A", currentYear());

            // one by one, then by class list
            String first = enrol(principal, classId, "Inès" + tag, "Martin" + tag, secrets, "first pupil");
            String csv = "Nom;Prénom;Sexe\r\nBernard" + tag + ";Yanis" + tag + ";M\r\nPetit" + tag + ";;F\r\n";
            secrets.put("listed pupil's last name", "Bernard" + tag);
            secrets.put("listed pupil's first name", "Yanis" + tag);
            secrets.put("rejected line's last name", "Petit" + tag);
            given().header("Authorization", principal).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/classes/" + classId + "/pupils/import").then().statusCode(200);

            // staff: a main teacher leading the class reads and renames a pupil
            String teacherId = "person-" + tag;
            secrets.put("main teacher's person id", teacherId);
            leads(uai, teacherId, classId);
            // the same membership again (idempotent; a unique constraint whose detail names the person stands behind)
            given().header("Authorization", principal).contentType(ContentType.JSON)
                    .body(Map.of("personId", teacherId, "role", "MAIN_TEACHER", "classIds", List.of(classId)))
                    .post("/api/v1/schools/" + uai + "/staff").then().statusCode(200);
            String teacher = mainTeacher(uai, teacherId, List.of());
            secrets.put("main teacher's token", teacher.substring("Bearer ".length()));
            given().header("Authorization", teacher).get("/api/v1/classes/" + classId + "/pupils").then().statusCode(200);
            given().header("Authorization", teacher).get("/api/v1/pupils/" + first).then().statusCode(200);
            secrets.put("new last name", "Lefebvre" + tag);
            given().header("Authorization", teacher).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                    .body(Map.of("firstName", "Inès" + tag, "lastName", "Lefebvre" + tag))
                    .put("/api/v1/pupils/" + first).then().statusCode(200);
            String pupil = pupilToken(first, uai);
            secrets.put("pupil's token", pupil.substring("Bearer ".length()));
            given().header("Authorization", pupil).get("/api/v1/pupils/me").then().statusCode(200);

            // refusals log too: a forged token, a body with a duplicate key, a name with a control character
            String forged = TestTokens.invalidAuthorizations().get("forged signature");
            secrets.put("forged token", forged.substring("Bearer ".length()));
            given().header("Authorization", forged).get("/api/v1/pupils/" + first).then().statusCode(401);
            secrets.put("refused first name", "Refusé" + tag);
            given().header("Authorization", principal).contentType(ContentType.JSON)
                    .body("{\"firstName\":\"Refusé" + tag + "\",\"lastName\":\"A\",\"lastName\":\"B\"}")
                    .post("/api/v1/classes/" + classId + "/pupils").then().statusCode(400);
            given().header("Authorization", principal).contentType(ContentType.JSON)
                    .body("{\"firstName\":\"Refusé" + tag + "\\u0000\",\"lastName\":\"A\"}")
                    .post("/api/v1/classes/" + classId + "/pupils").then().statusCode(400);

            // erasure, by the principal
            String second = enrol(principal, classId, "Zoé" + tag, "Garnier" + tag, secrets, "erased pupil");
            given().header("Authorization", principal).delete("/api/v1/pupils/" + second).then().statusCode(204);
            given().header("Authorization", principal).get("/api/v1/pupils/" + second).then().statusCode(404);

            assertThat(logs.linesHolding(" /api/v1/")).as("the access log was on and captured").isNotEmpty();
            assertThat(logs.leaks(secrets)).isEmpty();
        }
    }

    private static String enrol(String principal, String classId, String firstName, String lastName,
                                Map<String, String> secrets, String who) {
        secrets.put(who + "'s first name", firstName);
        secrets.put(who + "'s last name", lastName);
        String id = given().header("Authorization", principal).contentType(ContentType.JSON)
                .body(Map.of("firstName", firstName, "lastName", lastName, "gender", "F"))
                .post("/api/v1/classes/" + classId + "/pupils").then().statusCode(201).extract().path("id");
        secrets.put(who + "'s id", id);
        return id;
    }

    /** Lower-case letters only: pupils' names refuse digits. */
    private static String letters(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}
