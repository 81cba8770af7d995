package fr.tremplin.schools;

import fr.tremplin.common.security.Roles;
import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.testing.TestTokens;
import io.restassured.http.ContentType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Builds what the tests need through the API itself: schools, classes, staff, pupils, and the callers' tokens. */
public final class SchoolFixtures {

    private SchoolFixtures() {
    }

    /** The current school year by the tests' clock ({@link FixedClock}), never by the real date. */
    public static String currentYear() {
        return SchoolCalendar.schoolYearOf(FixedClock.today());
    }

    /**
     * A UAI of the département (its three-character prefix: "059", "062", "620" for 2A) that no school has yet: random
     * ones can be those of the open data's collèges, seeded at start, or of an earlier test's school (registering it
     * again answers 200, not 201: a flaky failure seen in CI).
     */
    public static String newUai(String prefix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            String uai = prefix + String.format("%04d", random.nextInt(10_000)) + (char) ('A' + random.nextInt(26));
            if (given().get("/api/v1/schools/" + uai).statusCode() == 404) {
                return uai;
            }
        }
    }

    public static String admin() {
        return TestTokens.as(Roles.ADMIN).bearer();
    }

    public static String principal(String uai) {
        return TestTokens.as(Roles.PRINCIPAL).claim("school", uai).bearer();
    }

    public static String teacher(String uai) {
        return TestTokens.as(Roles.TEACHER).claim("school", uai).bearer();
    }

    public static String ripree(String uai) {
        return TestTokens.as(Roles.RIPREE).claim("school", uai).bearer();
    }

    /** A main teacher known by person id; which classes they lead comes from their membership or the claim. */
    public static String mainTeacher(String uai, String personId, List<String> classesClaim) {
        TestTokens token = TestTokens.as(Roles.MAIN_TEACHER).subject(personId).claim("school", uai);
        if (!classesClaim.isEmpty()) {
            token.claim("classes", classesClaim);
        }
        return token.bearer();
    }

    public static String pupilToken(String pupilId, String uai) {
        return TestTokens.as(Roles.PUPIL).subject(pupilId).claim("school", uai).bearer();
    }

    public static String departmentReferent(String... departments) {
        return TestTokens.as(Roles.TERRITORY).claim("departments", List.of(departments)).bearer();
    }

    public static String bassinCoordinator(String bassinId) {
        return TestTokens.as(Roles.TERRITORY).claim("bassin", bassinId).bearer();
    }

    /** A school registered by an admin. */
    public static String school(String prefix, String department, String priority) {
        String uai = newUai(prefix);
        Map<String, Object> school = new HashMap<>();
        school.put("name", "Collège Test " + uai);
        school.put("city", "Roubaix");
        school.put("zipcode", "59100");
        school.put("department", department);
        school.put("priority", priority);
        school.put("latitude", 50.69);
        school.put("longitude", 3.18);
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(school)
                .put("/api/v1/admin/schools/" + uai).then().statusCode(201);
        return uai;
    }

    public static String classOf(String uai, String name, String schoolYear) {
        return given().header("Authorization", principal(uai)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "schoolYear", schoolYear))
                .post("/api/v1/schools/" + uai + "/classes").then().statusCode(201).extract().path("id");
    }

    public static String pupil(String uai, String classId, String firstName, String lastName) {
        return given().header("Authorization", principal(uai)).contentType(ContentType.JSON)
                .body(Map.of("firstName", firstName, "lastName", lastName, "gender", "F"))
                .post("/api/v1/classes/" + classId + "/pupils").then().statusCode(201).extract().path("id");
    }

    /** Records a main teacher's membership leading these classes; returns the membership id. */
    public static String leads(String uai, String personId, String... classIds) {
        return given().header("Authorization", principal(uai)).contentType(ContentType.JSON)
                .body(Map.of("personId", personId, "role", "MAIN_TEACHER", "classIds", List.of(classIds)))
                .post("/api/v1/schools/" + uai + "/staff").then().statusCode(201).extract().path("id");
    }

    public static void bassin(String id, String academy, String department, String... uais) {
        Map<String, Object> bassin = new HashMap<>();
        bassin.put("name", "Pôle de stages " + id);
        bassin.put("academy", academy);
        bassin.put("department", department);
        bassin.put("coordinatorId", UUID.randomUUID().toString());
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(bassin)
                .put("/api/v1/bassins/" + id).then().statusCode(201);
        if (uais.length > 0) {
            given().header("Authorization", admin()).contentType(ContentType.JSON).body(Map.of("uais", List.of(uais)))
                    .put("/api/v1/bassins/" + id + "/schools").then().statusCode(200);
        }
    }

    /**
     * Two schools of the Nord (59) and one of the Pas-de-Calais (62); in the first, classes 3e A and 3e B with a
     * pupil each, and a main teacher leading 3e A by membership.
     */
    public record World(String uai, String otherUai, String pasDeCalaisUai, String classA, String classB,
                        String otherClass, String pupilA, String pupilB, String otherPupil, String mainTeacherId) {
    }

    public static World world() {
        String year = currentYear();
        String uai = school("059", "59", "REP_PLUS");
        String otherUai = school("059", "59", "REP");
        String pasDeCalaisUai = school("062", "62", "REP");
        String classA = classOf(uai, "3e A", year);
        String classB = classOf(uai, "3e B", year);
        String otherClass = classOf(otherUai, "3e A", year);
        String pupilA = pupil(uai, classA, "Inès", "Martin");
        String pupilB = pupil(uai, classB, "Yanis", "Bernard");
        String otherPupil = pupil(otherUai, otherClass, "Léa", "Petit");
        String mainTeacherId = UUID.randomUUID().toString();
        leads(uai, mainTeacherId, classA);
        return new World(uai, otherUai, pasDeCalaisUai, classA, classB, otherClass, pupilA, pupilB, otherPupil,
                mainTeacherId);
    }
}
